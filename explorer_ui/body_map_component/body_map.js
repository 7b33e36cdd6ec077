// Body-map behaviour: click, tap, Enter or Space on a region selects it.
// The chosen region is <html data-dn-region>: a tap sets it at once (the list and
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

  // Highlight the chosen region, and say it in the live region under the map. The
  // name is the region's own label from our SVG, set as text; writing only on a
  // change means a redraw for another reason does not announce it again.
  const show = () => {
    const regionId = html.dataset.dnRegion || null;
    let chosen = null;
    root.querySelectorAll("[data-region]").forEach((el) => {
      const on = el.getAttribute("data-region") === regionId;
      el.setAttribute("aria-pressed", on ? "true" : "false");
      el.classList.toggle("is-selected", on);
      if (on && !chosen) chosen = el;
    });
    const text = chosen ? String(said.showing || "Showing: {area}").replace("{area}", chosen.getAttribute("aria-label")) : "";
    if (status && status.textContent !== text) {
      status.textContent = text;
    }
  };
  show();

  const choose = (el) => {
    const regionId = el.getAttribute("data-region");
    html.dataset.dnRegion = regionId; // map, list and view change at once; the bridge tells Python
    bringViewIntoSight(el.getAttribute("aria-label"));
  };
  // On a narrow screen the region view is below the map: once it shows the
  // chosen region, scroll it into sight so a tap visibly does something.
  const bringViewIntoSight = (label) => {
    if (window.innerWidth > 640) return;
    let tries = 0;
    const look = () => {
      const heading = document.querySelector(".st-key-region-view h2");
      if (heading && heading.textContent.trim() === label) {
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
          return el;
        }
      }
    }
    return null;
  };
  const onClick = (event) => {
    const onPicture = event.target instanceof Element && event.target.closest(".bm-view");
    const el = regionOf(event) || (onPicture ? nearby(event.clientX, event.clientY) : null);
    if (el) {
      choose(el);
    }
  };
  const onKey = (event) => {
    if (event.key !== "Enter" && event.key !== " ") {
      return;
    }
    const el = regionOf(event);
    if (el) {
      event.preventDefault();
      choose(el);
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
