// Body-map behaviour: click, tap, Enter or Space on a region selects it.
// The selection comes back from Python as data.selected; the markup itself is
// our own SVG, and nothing from content or the address is ever put into HTML.
export default function ({ parentElement, data, setTriggerValue }) {
  const root = parentElement.querySelector(".bm");
  if (!root) {
    return;
  }
  const selected = data && typeof data.selected === "string" ? data.selected : null;

  const show = (regionId) => {
    root.querySelectorAll("[data-region]").forEach((el) => {
      const on = el.getAttribute("data-region") === regionId;
      el.setAttribute("aria-pressed", on ? "true" : "false");
      el.classList.toggle("is-selected", on);
    });
  };
  show(selected);

  const choose = (el) => {
    const regionId = el.getAttribute("data-region");
    show(regionId); // highlight at once; Python confirms on the rerun
    setTriggerValue("select", regionId);
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
  const onClick = (event) => {
    const el = regionOf(event);
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
  root.addEventListener("click", onClick);
  root.addEventListener("keydown", onKey);
  return () => {
    root.removeEventListener("click", onClick);
    root.removeEventListener("keydown", onKey);
  };
}
