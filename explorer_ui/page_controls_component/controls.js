// Text size and language: real buttons whose words come from the page's word table. The bar's markup
// already holds them (page_bar.py writes them in, escaped, for the page's language), so the row is its
// full size before this code runs; this keeps them in step with the data.
// A press is a trigger for Python ("text_size": -1 or 1, "language": a code it offered), which
// keeps the choice in the session and draws the page again. Text is set with textContent only.
const SVG = "http://www.w3.org/2000/svg";

function languageIcon() {
  // A globe: a circle, its equator and one meridian (drawn here, no icon font needed).
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "dn-language-icon");
  for (const [tag, attrs] of [
    ["circle", { cx: 12, cy: 12, r: 9 }],
    ["path", { d: "M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18" }],
  ]) {
    const shape = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) shape.setAttribute(name, String(value));
    shape.setAttribute("fill", "none");
    shape.setAttribute("stroke", "currentColor");
    shape.setAttribute("stroke-width", "2");
    svg.append(shape);
  }
  return svg;
}

export default function ({ parentElement, data, setTriggerValue }) {
  const box = parentElement.querySelector(".dn-controls");
  if (!box) return;
  const words = data && typeof data.words === "object" && data.words ? data.words : {};
  const text = (value) => (typeof value === "string" ? value : "");
  const [smaller, bigger] = box.querySelectorAll(".dn-text-step");
  smaller.textContent = text(words.smaller);
  smaller.title = text(words.smaller_help);
  bigger.textContent = text(words.bigger);
  bigger.title = text(words.bigger_help);
  box.querySelector(".dn-text-size").textContent = text(data?.status);
  // This run's trigger function, in case a rerun hands over a new one.
  box.dnSend = setTriggerValue;
  if (!box.dnWired) {
    box.dnWired = true;
    box.addEventListener("click", (event) => {
      const button = event.target instanceof Element ? event.target.closest("button") : null;
      if (!button || !box.contains(button)) return;
      if (button.dataset.step) box.dnSend("text_size", Number(button.dataset.step));
      else if (button.dataset.language) box.dnSend("language", button.dataset.language);
    });
  }
  // One button per other language, in that language's own words and marked as that language
  // ("Español", lang="es"), so a screen reader says it so (WCAG 3.1.2).
  const languages = Array.isArray(data?.languages) ? data.languages : [];
  const list = box.querySelector(".dn-languages");
  const wanted = languages.filter((l) => l && /^[a-z]{2,3}$/.test(l.code) && typeof l.label === "string");
  const shown = [...list.querySelectorAll("button")].map((b) => `${b.dataset.language}:${b.lang}:${b.textContent}`);
  if (shown.join("|") !== wanted.map((l) => `${l.code}:${l.code}:${l.label}`).join("|")) {
    list.replaceChildren(
      ...wanted.map((l) => {
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.language = l.code;
        button.lang = l.code;
        button.append(languageIcon(), document.createTextNode(l.label));
        return button;
      }),
    );
  }
}
