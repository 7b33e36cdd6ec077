// The body heat map: the body figure, each region shaded by how many problems dry needling may
// help there. Focus or hover (or a first tap) shows the region's number under the figure; a tap on
// the region shown (or Enter, or the "Open" button) opens it on the body map, through Python.
// Counts, names and colours come from data and are set as text and style values only.
export default function ({ parentElement, data, setTriggerValue }) {
  const root = parentElement.querySelector(".bm");
  if (!root) return;
  // Streamlit calls this again when the data changes (another language) but runs the cleanup
  // only on unmount: undo the last run (its listeners, its button and legend) first.
  if (typeof root.dnCleanup === "function") root.dnCleanup();
  root.classList.add("hm");
  const regions = data && typeof data.regions === "object" && data.regions ? data.regions : {};
  const words = data && typeof data.words === "object" && data.words ? data.words : {};
  const status = root.querySelector(".bm-status");
  const fill = (template, entry) =>
    String(template || "").replace("{area}", entry.label).replace("{count}", String(entry.count));
  const say = (entry) => fill(entry.count === 1 ? words.count_one : entry.count ? words.count_many : words.count_none, entry);

  // The figure's own words in the page's language (as on the body map), set as text only.
  const figure = words.figure && typeof words.figure === "object" ? words.figure : {};
  const labels = figure.figure && typeof figure.figure === "object" ? figure.figure : {};
  root.querySelectorAll(".bm-label").forEach((el) => {
    el.dataset.label ??= el.textContent.trim();
    if (typeof labels[el.dataset.label] === "string") el.textContent = labels[el.dataset.label];
  });
  root.querySelectorAll("svg > title").forEach((el) => {
    const text = el.id.endsWith("front") ? figure.front_title : figure.back_title;
    if (typeof text === "string") el.textContent = text;
  });
  root.querySelectorAll("[data-region]").forEach((el) => {
    const entry = regions[el.getAttribute("data-region")];
    if (!entry) return;
    el.style.setProperty("--hm-fill", /^#[0-9a-f]{6}$/i.test(entry.colour) ? entry.colour : "#eceff1");
    el.removeAttribute("aria-pressed");
    el.setAttribute("aria-label", `${say(entry)} ${words.open_hint || ""}`.trim());
  });

  // The status under the figure: the number in words, and a button that opens the region.
  const text = el("span", "hm-text");
  const open = el("button", "hm-open");
  open.type = "button";
  open.hidden = true;
  status.replaceChildren(text);
  status.after(open);
  // The legend: a swatch (decorative) and the words for each shade.
  const legend = el("ul", "hm-legend");
  legend.setAttribute("aria-label", words.legend || "");
  (Array.isArray(data?.legend) ? data.legend : []).forEach((step) => {
    const li = el("li", "");
    const swatch = el("span", "hm-swatch");
    swatch.setAttribute("aria-hidden", "true");
    swatch.style.setProperty("--hm-fill", /^#[0-9a-f]{6}$/i.test(step.colour) ? step.colour : "#eceff1");
    const label = el("span", "");
    label.textContent = String(step.label);
    li.append(swatch, label);
    legend.append(li);
  });
  open.after(legend);
  let current = null;
  const show = (regionId) => {
    const entry = regions[regionId];
    if (!entry) return;
    current = regionId;
    text.textContent = say(entry);
    open.textContent = fill(words.open, entry);
    open.hidden = false;
    root.querySelectorAll("[data-region]").forEach((g) => g.classList.toggle("is-selected", g.getAttribute("data-region") === regionId));
  };
  const go = (regionId) => setTriggerValue("open", regionId);
  const regionOf = (event) => {
    const g = event.target instanceof Element ? event.target.closest("[data-region]") : null;
    return g && root.contains(g) ? g.getAttribute("data-region") : null;
  };
  // Whether the region was already shown when the press began. A tap or a click focuses the
  // region (which shows it) before its click event fires, so "shown at click time" would open it
  // on the very first tap; the press start comes before that focus.
  let pressedShown = null;
  const onPress = (event) => {
    const id = regionOf(event);
    pressedShown = id ? id === current : null;
  };
  const onClick = (event) => {
    const id = regionOf(event);
    if (!id) return;
    const shown = pressedShown ?? id === current;
    pressedShown = null;
    if (shown) go(id);
    else show(id);
  };
  const onKey = (event) => {
    const id = regionOf(event);
    if (id && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      go(id);
    }
  };
  const onFocus = (event) => {
    const id = regionOf(event);
    if (id) show(id);
  };
  const onHover = (event) => {
    if (event.pointerType !== "mouse") return;
    const id = regionOf(event);
    if (id) show(id);
  };
  const onOpen = () => current && go(current);
  root.addEventListener("pointerdown", onPress);
  root.addEventListener("click", onClick);
  root.addEventListener("keydown", onKey);
  root.addEventListener("focusin", onFocus);
  root.addEventListener("pointerover", onHover);
  open.addEventListener("click", onOpen);
  const cleanup = () => {
    root.removeEventListener("pointerdown", onPress);
    root.removeEventListener("click", onClick);
    root.removeEventListener("keydown", onKey);
    root.removeEventListener("focusin", onFocus);
    root.removeEventListener("pointerover", onHover);
    open.removeEventListener("click", onOpen);
    open.remove();
    legend.remove();
  };
  root.dnCleanup = cleanup;
  return cleanup;

  function el(tag, className) {
    const node = document.createElement(tag);
    node.className = className;
    return node;
  }
}
