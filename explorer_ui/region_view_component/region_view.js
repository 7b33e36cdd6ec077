// The region view, drawn in the browser so a tap shows its region at once.
// Everything arrives once, as one JSON text in data.panels_json: a panel per region,
// the general sections and the glossary. Which panel shows follows
// <html data-dn-region>, which the map and the list set on a tap and the selection
// bridge sets from Python. Text goes in only through textContent, never as HTML.
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
  const panels = payload.panels && typeof payload.panels === "object" ? payload.panels : {};
  const glossary = payload.glossary && typeof payload.glossary === "object" ? payload.glossary : {};
  const general = Array.isArray(payload.general) ? payload.general : [];
  const html = document.documentElement;

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (typeof text === "string") node.textContent = text;
    return node;
  };
  // A long word explained in plain words, right after the text that first uses it.
  const wordNote = (termId) => {
    const entry = glossary[termId];
    if (!entry) return null;
    const box = el("div", "dn-word"); // not <aside>: each would be a landmark
    box.append(el("strong", null, `Word explained: ${entry.term}.`), " ", entry.meaning);
    box.append(el("span", "dn-sources", entry.sources));
    return box;
  };
  const card = (item, words) => {
    const box = el("div", item.boxed ? "dn-card" : "dn-statement");
    if (item.title) box.append(el("p", "dn-card-title", item.title));
    box.append(el("p", "dn-text", item.text));
    box.append(el("p", "dn-sources", item.sources));
    (words || []).map(wordNote).filter(Boolean).forEach((note) => box.append(note));
    return box;
  };
  // Feelings, aftercare, safety and visits. Folded (projector): each under a heading
  // that opens on a tap, so the screen shows the region's own problems first.
  const generalSections = (panel) => {
    const parts = [];
    let position = 0;
    general.forEach((section) => {
      const body = [];
      (section.groups || []).forEach((group) => {
        if (group.heading) body.push(el("p", "dn-group-heading", group.heading));
        (group.cards || []).forEach((item) => {
          body.push(card(item, (panel.general_words || [])[position]));
          position += 1;
        });
      });
      if (payload.folded) {
        const details = el("details", "dn-fold");
        const summary = el("summary", null, section.title);
        details.append(summary, ...body);
        parts.push(details);
      } else {
        parts.push(el("h3", "dn-subheading", section.title), ...body);
      }
    });
    return parts;
  };
  const build = (panel, id) => {
    const parts = [el("h2", "dn-heading", panel.heading)];
    if (panel.intro) parts.push(el("p", "dn-text", panel.intro));
    if (panel.conditions_heading) parts.push(el("h3", "dn-subheading", panel.conditions_heading));
    if (panel.notice) {
      const notice = el("p", "dn-notice", panel.notice);
      notice.setAttribute("role", "note");
      parts.push(notice);
    }
    (panel.cards || []).forEach((item) => parts.push(card(item, item.words)));
    if (id || payload.general_on_start) parts.push(...generalSections(panel));
    return parts;
  };
  const render = () => {
    const wanted = html.dataset.dnRegion || "";
    const id = Object.prototype.hasOwnProperty.call(panels, wanted) ? wanted : "";
    const panel = panels[id];
    if (!panel || (root.dataset.shown === id && root.childElementCount)) return;
    // Stepping through regions (the projector's tour) keeps the sections the presenter
    // opened open, and keeps keyboard focus in the view instead of dropping it to the page.
    const opened = [...root.querySelectorAll("details")].map((d) => d.open);
    const summaries = [...root.querySelectorAll("summary")];
    const focused = root.contains(document.activeElement) ? summaries.indexOf(document.activeElement) : null;
    root.replaceChildren(...build(panel, id));
    root.dataset.shown = id;
    root.querySelectorAll("details").forEach((d, i) => {
      if (opened[i]) d.open = true;
    });
    if (focused !== null) {
      let target = root.querySelectorAll("summary")[focused];
      if (!target) {
        target = root.querySelector("h2");
        target.setAttribute("tabindex", "-1");
      }
      target.focus({ preventScroll: true });
    }
  };
  delete root.dataset.shown; // new data (another mode or content): draw again
  render();

  // Streamlit runs this again when data changes but the cleanup only on unmount:
  // drop the previous run's observer first.
  if (typeof root.dnCleanup === "function") root.dnCleanup();
  const observer = new MutationObserver(render);
  observer.observe(html, { attributes: true, attributeFilter: ["data-dn-region"] });
  root.dnCleanup = () => observer.disconnect();
  return () => observer.disconnect();
}
