// The plain list of body areas, grouped by body part: the keyboard and screen-reader
// alternative to the map. One real <button> per area, with aria-pressed for the chosen one. A press sets
// <html data-dn-region> (the map and the region view follow at once; the selection
// bridge tells Python). Labels come from data and are set as text only.
export default function ({ parentElement, data }) {
  const root = parentElement.querySelector(".rl");
  if (!root) {
    return;
  }
  const html = document.documentElement;
  const heading = root.querySelector(".rl-heading");
  const list = root.querySelector(".rl-list");
  let groups = [];
  try {
    groups = JSON.parse(typeof data?.groups_json === "string" ? data.groups_json : "[]");
  } catch (error) {
    groups = [];
  }
  if (!Array.isArray(groups)) groups = [];
  heading.textContent = typeof data?.heading === "string" ? data.heading : "";

  const buttons = [];
  const sections = groups
    .filter((g) => g && typeof g.label === "string" && Array.isArray(g.regions))
    .map((g, position) => {
      const section = document.createElement("div");
      section.className = "rl-group";
      const name = document.createElement("p");
      name.className = "rl-group-name";
      name.id = `rl-group-${position}`;
      name.textContent = g.label;
      const row = document.createElement("div");
      row.className = "rl-row";
      row.setAttribute("role", "group");
      row.setAttribute("aria-labelledby", name.id);
      row.append(...g.regions.filter((r) => r && typeof r.id === "string" && typeof r.label === "string").map(makeButton));
      section.append(name, row);
      return section;
    });
  function makeButton(r) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "rl-button";
    button.dataset.listRegion = r.id;
    const tick = document.createElement("span");
    tick.className = "rl-tick";
    tick.setAttribute("aria-hidden", "true");
    tick.textContent = "\u2713";
    const label = document.createElement("span");
    label.textContent = r.label;
    button.append(tick, label);
    buttons.push(button);
    return button;
  }
  list.replaceChildren(...sections);

  const show = () => {
    const chosen = html.dataset.dnRegion || null;
    buttons.forEach((b) => b.setAttribute("aria-pressed", b.dataset.listRegion === chosen ? "true" : "false"));
  };
  show();

  const onClick = (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-list-region]") : null;
    if (button && list.contains(button)) {
      html.dataset.dnRegion = button.dataset.listRegion;
    }
  };
  // Streamlit runs this again when data changes but the cleanup only on unmount.
  if (typeof root.dnCleanup === "function") root.dnCleanup();
  list.addEventListener("click", onClick);
  const observer = new MutationObserver(show);
  observer.observe(html, { attributes: true, attributeFilter: ["data-dn-region"] });
  const cleanup = () => {
    list.removeEventListener("click", onClick);
    observer.disconnect();
  };
  root.dnCleanup = cleanup;
  return cleanup;
}
