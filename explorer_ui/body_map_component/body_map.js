// Body-map behaviour: click, tap, Enter or Space on a region chooses it (selection_rules.js,
// in front of this code, says how: one area, or several; a tapped shape's side).
// The choice is <html data-dn-region>: a tap sets it at once (the list and
// the region view follow it too, and the selection bridge tells Python), and the
// bridge sets it from Python. The markup is our own SVG; nothing from content or
// the address is ever put into HTML.
export default function ({ parentElement, data }) {
  const root = parentElement.querySelector(".bm");
  if (!root) {
    return;
  }
  const html = document.documentElement;
  const status = root.querySelector(".bm-status");
  // The page's language: region names and the figure's words come as data, set as text only.
  const said = data && typeof data.words === "object" && data.words ? data.words : {};
  const names = said && typeof said.regions === "object" && said.regions ? said.regions : {};
  root.querySelectorAll("[data-region]").forEach((el) => {
    const name = names[el.getAttribute("data-region")];
    if (typeof name === "string") el.setAttribute("aria-label", name);
  });
  // The figure's own words ("Front", "Your left"), keyed by the English of our SVG (kept on first sight).
  const figure = said && typeof said.figure === "object" && said.figure ? said.figure : {};
  root.querySelectorAll(".bm-label").forEach((el) => {
    el.dataset.label ??= el.textContent.trim();
    const text = figure[el.dataset.label];
    if (typeof text === "string") el.textContent = text;
  });
  root.querySelectorAll("svg > title").forEach((el) => {
    const text = el.id.endsWith("front") ? said.front_title : said.back_title;
    if (typeof text === "string") el.textContent = text;
  });

  // Highlight the chosen areas (only the shapes of a chosen side), and name them in the live
  // region under the map. Names come from data, set as text; writing only on a change means a
  // redraw for another reason does not announce them again.
  const sideNames = said && typeof said.sides === "object" && said.sides ? said.sides : {};
  const nameOf = (area) => {
    const sided = sideNames[area.region];
    const name = area.side && sided && typeof sided[area.side] === "string" ? sided[area.side] : names[area.region];
    return typeof name === "string" ? name : "";
  };
  const show = () => {
    const areas = dnSelection.read();
    root.querySelectorAll("[data-region]").forEach((el) => {
      const area = areas.find((a) => a.region === el.getAttribute("data-region"));
      el.setAttribute("aria-pressed", area ? "true" : "false");
      el.classList.toggle("is-selected", !!area);
      el.querySelectorAll("path").forEach((path) => {
        const side = path.getAttribute("data-side");
        path.classList.toggle("is-on", !!area && (!area.side || !side || side === area.side));
      });
    });
    const chosen = areas.map(nameOf).filter(Boolean).join(", ");
    const text = chosen ? String(said.showing || "Showing: {area}").replace("{area}", chosen) : "";
    if (status && status.textContent !== text) {
      status.textContent = text;
    }
  };
  show();

  // A tap on one side's shape chooses that side; a key press, the whole area.
  const choose = (el, shape) => {
    const side = shape && el.contains(shape) ? shape.getAttribute("data-side") : null;
    dnSelection.tap(el.getAttribute("data-region"), side); // map, list and view change at once
    bringViewIntoSight();
  };
  // On a narrow screen the region view is below the map: once it shows the
  // new choice, scroll it into sight so a tap visibly does something.
  const bringViewIntoSight = () => {
    if (window.innerWidth > 640) return;
    let tries = 0;
    const look = () => {
      const view = document.querySelector(".st-key-region_panel .dn-view");
      const heading = view && view.querySelector("h2");
      if (heading && view.dataset.shown === (html.dataset.dnRegion || "")) {
        heading.scrollIntoView({ behavior: "smooth", block: "start" });
      } else if (tries++ < 40) {
        window.setTimeout(look, 100);
      }
    };
    window.setTimeout(look, 100);
  };
  const regionOf = (event) => {
    const el = event.target instanceof Element ? event.target.closest("[data-region]") : null;
    return el && root.contains(el) ? el : null;
  };
  // A tap on empty space within SLOP px of a body area chooses that area: the
  // knees, hips and shins are narrower than a 44 px fingertip on a kiosk screen.
  // Only empty space counts, so a tap on one area never picks its neighbour.
  const SLOP = 12;
  const nearby = (x, y) => {
    const surface = root.getRootNode();
    for (let radius = 3; radius <= SLOP; radius += 3) {
      for (let step = 0; step < 16; step++) {
        const angle = (step * Math.PI) / 8;
        const hit = surface.elementFromPoint(x + radius * Math.cos(angle), y + radius * Math.sin(angle));
        const el = hit ? hit.closest("[data-region]") : null;
        if (el && root.contains(el)) {
          return [el, hit.closest("path")];
        }
      }
    }
    return [null, null];
  };
  const onClick = (event) => {
    const onPicture = event.target instanceof Element && event.target.closest(".bm-view");
    const direct = regionOf(event);
    const [el, shape] = direct
      ? [direct, event.target.closest("path")]
      : onPicture
        ? nearby(event.clientX, event.clientY)
        : [null, null];
    if (el) {
      choose(el, shape);
    }
  };
  const onKey = (event) => {
    if (event.key !== "Enter" && event.key !== " ") {
      return;
    }
    const el = regionOf(event);
    if (el) {
      event.preventDefault();
      choose(el, null);
    }
  };
  // Streamlit calls this function again when its data or the theme changes but runs
  // the returned cleanup only when the component goes away, so undo the last run's
  // listeners here first: otherwise a tap would run one handler per earlier run.
  if (typeof root.dnCleanup === "function") root.dnCleanup();
  root.addEventListener("click", onClick);
  root.addEventListener("keydown", onKey);
  const observer = new MutationObserver(show);
  observer.observe(html, { attributes: true, attributeFilter: ["data-dn-region"] });
  const cleanup = () => {
    root.removeEventListener("click", onClick);
    root.removeEventListener("keydown", onKey);
    observer.disconnect();
  };
  root.dnCleanup = cleanup;
  return cleanup;
}
