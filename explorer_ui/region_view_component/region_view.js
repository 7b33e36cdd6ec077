// The region view, drawn in the browser so a tap shows its region at once.
// Everything arrives once, as one JSON text in data.panels_json: a panel per region,
// the Safe care panel, the general tabs, the glossary, the interface words and the
// mode's traits. Which panel shows follows <html data-dn-region>, which the map and the
// list set on a tap and the selection bridge sets from Python.
// Shape of a view: heading, main message, Safe care (always on the first screen), then
// tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move between them).
// Text goes in only through textContent, never as HTML.
export default function ({ parentElement, data }) {
  const root = parentElement.querySelector(".dn-view");
  if (!root) {
    return;
  }
  let payload = {};
  try {
    payload = JSON.parse(data && typeof data.panels_json === "string" ? data.panels_json : "{}") || {};
  } catch (error) {
    payload = {};
  }
  const object = (value) => (value && typeof value === "object" ? value : {});
  const panels = object(payload.panels);
  const glossary = object(payload.glossary);
  const safe = object(payload.safe_care);
  const words = object(payload.words);
  const traits = object(payload.traits);
  const general = Array.isArray(payload.general) ? payload.general : [];
  const pictograms = object(payload.pictograms);
  const timeline = object(payload.timeline);
  const sourceNames = Array.isArray(payload.sources) ? payload.sources : [];
  const html = document.documentElement;

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (typeof text === "string") node.textContent = text;
    return node;
  };
  // A compact citation: "Sources" opens the documents' names; screen readers hear the
  // names at once. A clinic's own claim says so beside it.
  const chip = (cite) => {
    if (!cite) return null;
    const wrap = el("span", "dn-cite-wrap");
    if (cite.own) wrap.append(el("span", "dn-own", cite.own));
    const refs = Array.isArray(cite.refs) ? cite.refs : [];
    const names = refs.map((i) => sourceNames[i]).filter((n) => typeof n === "string");
    if (names.length) {
      const button = el("button", "dn-cite");
      button.type = "button";
      button.setAttribute("aria-expanded", "false");
      button.append(el("span", null, words.sources || "Sources"), el("span", "dn-sr-only", `: ${names.join(", ")}`));
      const list = el("span", "dn-cite-names", names.join(" · "));
      list.hidden = true;
      wrap.append(button, list);
    }
    return wrap;
  };
  const textWithChip = (tag, className, text, cite) => {
    const node = el(tag, className);
    node.append(el("span", "dn-line", text));
    const c = chip(cite);
    if (c) node.append(" ", c);
    return node;
  };
  // A long word explained in plain words, right after the text that first uses it: folded under
  // its name (one tap opens it), so a tab still fits one kiosk screen.
  const wordNote = (termId) => {
    const entry = glossary[termId];
    if (!entry) return null;
    const box = el("details", "dn-word"); // not <aside>: each would be a landmark
    const summary = el("summary");
    summary.append(el("strong", null, `${words.word_explained || ""} ${entry.term}.`));
    box.append(summary, " ", entry.meaning);
    const c = chip(entry.cite);
    if (c) box.append(" ", c);
    return box;
  };
  const notes = (ids) => (ids || []).map(wordNote).filter(Boolean);
  // Pictograms stand beside the words, never instead of them: decorative to screen readers.
  // Drawn from path data only (no markup from data).
  const SVG_NS = "http://www.w3.org/2000/svg";
  const pictures = (names) => {
    const known = (Array.isArray(names) ? names : []).filter((n) => Array.isArray(pictograms[n]));
    if (!known.length) return null;
    const box = el("span", "dn-pics");
    box.setAttribute("aria-hidden", "true");
    known.forEach((name) => {
      const svg = document.createElementNS(SVG_NS, "svg");
      svg.setAttribute("viewBox", "0 0 24 24");
      svg.setAttribute("class", "dn-pic");
      svg.setAttribute("focusable", "false");
      svg.dataset.picture = name;
      pictograms[name].forEach((d) => {
        const path = document.createElementNS(SVG_NS, "path");
        path.setAttribute("d", String(d));
        svg.append(path);
      });
      box.append(svg);
    });
    return box;
  };
  // "What to expect": the four phases in order, in the same words as the other tabs' statements.
  const timelineOf = () => {
    const list = el("ol", "dn-steps");
    (timeline.steps || []).forEach((step) => {
      const li = el("li", "dn-step");
      const head = el("span", "dn-step-head");
      const pics = pictures(step.pictures);
      if (pics) head.append(pics);
      head.append(el("strong", "dn-step-phase", step.phase));
      const labels = el("span", "dn-step-labels", (step.labels || []).join(". ") + ".");
      const c = chip(step.cite);
      if (c) labels.append(" ", c);
      li.append(head, labels);
      list.append(li);
    });
    return list;
  };
  // A titled card carries its chip on the title's row; an untitled statement at the end of its text.
  const card = (item, ids, boxed) => {
    const box = el("div", boxed ? "dn-card" : "dn-statement");
    const pics = pictures(item.pictures);
    if (pics) {
      box.classList.add("dn-has-pics");
      box.append(pics);
    }
    if (item.title) {
      box.append(textWithChip("p", "dn-card-title", item.title, item.cite), el("p", "dn-text", item.text));
    } else {
      box.append(textWithChip("p", "dn-text", item.text, item.cite));
    }
    box.append(...notes(ids));
    return box;
  };
  const safeCare = (panel) => {
    const section = el("section", "dn-safe");
    const title = el("h3", "dn-safe-title", safe.title || "");
    title.id = "dn-safe-title";
    section.setAttribute("aria-labelledby", title.id);
    const list = el("ul", "dn-safe-list");
    (safe.cards || []).forEach((item, i) => {
      const li = textWithChip("li", null, item.text, item.cite);
      const pics = pictures(item.pictures);
      if (pics) li.prepend(pics);
      li.append(...notes((panel.safe_words || [])[i]));
      list.append(li);
    });
    section.append(title, list);
    return section;
  };
  // The tabs this panel has: "Can it help?" for a region, then the general ones.
  const tabsOf = (panel, id, helpOf = null) => {
    const tabs = [];
    if (id && helpOf) {
      tabs.push({ id: "help", title: words.tab_help || "", body: helpOf });
    } else if (id) {
      // Where the documents name no problem here, the tab says so first (and points to the therapist).
      const notice = () => {
        if (!panel.notice) return [];
        const p = el("p", "dn-notice", panel.notice);
        p.setAttribute("role", "note");
        return [p];
      };
      const body = () => [...notice(), ...(panel.help || []).map((c) => card(c, c.words, !!c.title))];
      tabs.push({ id: "help", title: words.tab_help || "", body });
    }
    if (id || traits.general_on_start) {
      if (Array.isArray(timeline.steps) && timeline.steps.length) tabs.push({ id: "expect", title: timeline.title || "", body: () => [timelineOf()] });
      let position = 0;
      general.forEach((tab) => {
        const start = position;
        (tab.groups || []).forEach((g) => (position += (g.cards || []).length));
        tabs.push({
          id: tab.id,
          title: tab.title,
          body: () => {
            const parts = [];
            let at = start;
            (tab.groups || []).forEach((group) => {
              // A group with a heading ("During the treatment") stays together in one cell.
              const cell = group.heading ? el("div", "dn-group") : null;
              if (cell) cell.append(el("p", "dn-group-heading", group.heading));
              (group.cards || []).forEach((item) => {
                const box = card(item, (panel.general_words || [])[at], false);
                if (cell) cell.append(box);
                else parts.push(box);
                at += 1;
              });
              if (cell) parts.push(cell);
            });
            return parts;
          },
        });
      });
    }
    return tabs;
  };
  // A tab's content is built when it is first shown: a view draws one tab, not four.
  // Each tab panel keeps its own builder, so views built ahead of time never share one.
  const fill = (body) => {
    if (!body.childElementCount && typeof body.dnFill === "function") body.append(...body.dnFill());
  };
  // The tabs, all closed (the first one filled): openTab chooses one once the view is on the page.
  const tabSet = (tabs) => {
    const list = el("div", "dn-tablist");
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", words.tabs_label || "");
    const bodies = [];
    tabs.forEach((tab) => {
      const button = el("button", "dn-tab", tab.title);
      button.type = "button";
      button.id = `dn-tab-${tab.id}`;
      button.dataset.tab = tab.id;
      button.setAttribute("role", "tab");
      button.setAttribute("aria-selected", "false");
      button.setAttribute("aria-controls", `dn-tabpanel-${tab.id}`);
      button.tabIndex = -1;
      list.append(button);
      const body = el("div", "dn-tabpanel");
      body.id = `dn-tabpanel-${tab.id}`;
      body.dataset.tab = tab.id;
      body.setAttribute("role", "tabpanel");
      body.setAttribute("aria-labelledby", button.id);
      body.tabIndex = 0;
      body.hidden = true;
      body.dnFill = tab.body;
      if (!bodies.length) fill(body); // a view opens on its first tab (but in the tour)
      bodies.push(body);
    });
    return [list, ...bodies];
  };
  const leadItem = (box, item) => {
    if (item.title) {
      box.append(textWithChip("p", "dn-card-title", item.title, item.cite), el("p", "dn-lead-text", item.text));
    } else {
      box.append(textWithChip("p", "dn-lead-text", item.text, item.cite));
    }
    box.append(...notes(item.words));
  };
  // One area: its heading (with the side, if one is chosen), its message, Safe care, the tabs.
  // Several: their names as the heading; each one's own message under its name; then what is
  // true of every area (the rest of the message, Safe care, the general tabs) once.
  const build = (chosen) => {
    const panel = panels[chosen[0].region];
    const id = chosen[0].region;
    const parts = [el("h2", "dn-heading", chosen.map((a) => nameOf(a, panels[a.region])).join(", "))];
    const lead = el("div", "dn-lead");
    let helpOf = null;
    if (chosen.length === 1) {
      (panel.lead || []).forEach((item) => leadItem(lead, item));
    } else {
      chosen.forEach((area) => {
        const own = panels[area.region];
        const box = el("div", "dn-area");
        box.append(el("h3", "dn-area-name", nameOf(area, own)));
        (own.lead || []).slice(0, own.lead_own || 0).forEach((item) => leadItem(box, item));
        lead.append(box);
      });
      (panel.lead || []).slice(panel.lead_own || 0).forEach((item) => leadItem(lead, item));
      helpOf = () =>
        chosen.map((area) => {
          const own = panels[area.region];
          const cell = el("div", "dn-group");
          cell.append(el("p", "dn-group-heading", nameOf(area, own)));
          if (own.notice) {
            const p = el("p", "dn-notice", own.notice);
            p.setAttribute("role", "note");
            cell.append(p);
          }
          (own.help || []).forEach((c) => cell.append(card(c, c.words, !!c.title)));
          return cell;
        });
    }
    parts.push(lead, safeCare(panel));
    const tabs = tabsOf(panel, id, helpOf);
    if (tabs.length) parts.push(...tabSet(tabs));
    return parts;
  };
  const sides = object(payload.sides);
  const nameOf = (area, panel) => {
    const sided = object(sides[area.region]);
    return area.side && typeof sided[area.side] === "string" ? sided[area.side] : panel.heading;
  };
  const idOf = (areas) => areas.map((a) => (a.side ? `${a.region}:${a.side}` : a.region)).join(" ");
  // Views already built, by the areas they show, so a tap only swaps nodes in. After the first
  // draw every single area (and each of its sides) is built in idle time: a first tap finds its
  // view ready too. Several areas at once are built when chosen, and kept.
  const built = new Map();
  const viewOf = (areas) => {
    const id = idOf(areas);
    if (!built.has(id)) built.set(id, build(areas));
    return built.get(id);
  };
  // A view shown again opens as a new one does: its citations closed, the right tab open.
  const openTab = (keep) => {
    root.querySelectorAll('.dn-cite[aria-expanded="true"]').forEach((cite) => {
      cite.setAttribute("aria-expanded", "false");
      cite.nextElementSibling.hidden = true;
    });
    const tabs = [...root.querySelectorAll('[role="tab"]')];
    if (tabs.length) {
      selectTab(tabs.find((tab) => tab.dataset.tab === keep) || tabs[0], false);
    } else {
      delete root.dataset.openTab;
    }
  };
  const render = () => {
    const chosen = dnSelection.read().filter((a) => a.region && Object.prototype.hasOwnProperty.call(panels, a.region));
    const id = idOf(chosen);
    const shown = chosen.length ? chosen : [{ region: "", side: null }];
    if (!panels[""] && !chosen.length) return;
    if (root.dataset.shown === id && root.childElementCount) return;
    // A new region opens on its first tab, except where the mode keeps the open one (the
    // projector's tour steps through regions on one topic). Keyboard focus on a tab stays on it.
    const keep = traits.keep_tab ? root.dataset.openTab : null;
    const focusedTab = root.contains(document.activeElement) ? document.activeElement.dataset?.tab : null;
    root.replaceChildren(...viewOf(shown));
    openTab(keep);
    root.dataset.shown = id;
    // A link to an area (the visit summary's, a QR code's) opened on a phone: the view is under the
    // map and the list, so bring it into sight, once, as a tap on the map does. Not before the page
    // is shown (page.css keeps it hidden until <html data-dn-ready>): a hidden page does not scroll.
    if (chosen.length && !window.dnAreaShownOnce && window.innerWidth <= 640) {
      const intoSight = () => root.querySelector("h2")?.scrollIntoView({ block: "start" });
      if ("dnReady" in html.dataset) {
        intoSight();
      } else {
        const ready = new MutationObserver(() => {
          if (!("dnReady" in html.dataset)) return;
          ready.disconnect();
          intoSight();
        });
        ready.observe(html, { attributes: true, attributeFilter: ["data-dn-ready"] });
      }
    }
    if (chosen.length) window.dnAreaShownOnce = true;
    if (focusedTab) {
      const target = root.querySelector(`[role="tab"][aria-selected="true"]`) || root.querySelector("h2");
      if (target.tagName === "H2") target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    }
  };
  const ahead = Object.keys(panels)
    .filter(Boolean)
    .flatMap((region) => [
      [{ region, side: null }],
      ...Object.keys(object(sides[region])).map((side) => [{ region, side }]),
    ]);
  const later = window.requestIdleCallback
    ? (task) => window.requestIdleCallback(task, { timeout: 3000 })
    : (task) => window.setTimeout(task, 40);
  const cancel = window.cancelIdleCallback ? (id) => window.cancelIdleCallback(id) : (id) => window.clearTimeout(id);
  let idleTask = null;
  const buildAhead = (deadline) => {
    do {
      viewOf(ahead.shift());
    } while (ahead.length && deadline && !deadline.didTimeout && deadline.timeRemaining() > 4);
    idleTask = ahead.length ? later(buildAhead) : null;
    if (!ahead.length) root.dataset.builtAhead = "";
  };
  const selectTab = (button, focus) => {
    const list = button.closest('[role="tablist"]');
    list.querySelectorAll('[role="tab"]').forEach((tab) => {
      const on = tab === button;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      const body = root.querySelector(`#${tab.getAttribute("aria-controls")}`);
      if (body) {
        if (on) fill(body);
        body.hidden = !on;
      }
    });
    root.dataset.openTab = button.dataset.tab;
    if (focus) button.focus();
  };
  const onClick = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const tab = target && target.closest('[role="tab"]');
    if (tab && root.contains(tab)) {
      selectTab(tab, false);
      return;
    }
    const cite = target && target.closest(".dn-cite");
    if (cite && root.contains(cite)) {
      const open = cite.getAttribute("aria-expanded") !== "true";
      cite.setAttribute("aria-expanded", open ? "true" : "false");
      cite.nextElementSibling.hidden = !open;
    }
  };
  const onKey = (event) => {
    const tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
    if (!tab || !root.contains(tab)) return;
    const all = [...tab.parentElement.querySelectorAll('[role="tab"]')];
    const at = all.indexOf(tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    // The tabs own the arrow keys here: the projector's tour keys (on the document) must not step too.
    event.preventDefault();
    event.stopPropagation();
    selectTab(all[(next + all.length) % all.length], true);
  };
  delete root.dataset.shown; // new data (another mode or content): draw again
  delete root.dataset.builtAhead;
  render();

  // Streamlit runs this again when data changes but the cleanup only on unmount:
  // drop the previous run's listeners first.
  if (typeof root.dnCleanup === "function") root.dnCleanup();
  const observer = new MutationObserver(render);
  observer.observe(html, { attributes: true, attributeFilter: ["data-dn-region"] });
  root.addEventListener("click", onClick);
  root.addEventListener("keydown", onKey);
  if (ahead.length) idleTask = later(buildAhead);
  const cleanup = () => {
    if (idleTask !== null) cancel(idleTask);
    observer.disconnect();
    root.removeEventListener("click", onClick);
    root.removeEventListener("keydown", onKey);
  };
  root.dnCleanup = cleanup;
  return cleanup;
}
