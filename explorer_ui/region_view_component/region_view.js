// The region view, drawn in the browser so a tap shows its region at once.
// All panels arrive once in data.panels (plain text from Python); which one shows
// follows <html data-dn-region>, which the map sets on a tap and the selection
// bridge sets from Python. Text goes in only through textContent, never as HTML.
export default function ({ parentElement, data }) {
  const root = parentElement.querySelector(".dn-view");
  if (!root) {
    return;
  }
  // The panels arrive as one JSON text (parsed here, so Python sends the same text every run).
  let payload = {};
  try {
    payload = JSON.parse(data && typeof data.panels_json === "string" ? data.panels_json : "{}");
  } catch (error) {
    payload = {};
  }
  const panels = payload && typeof payload.panels === "object" && payload.panels ? payload.panels : {};
  const html = document.documentElement;

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (typeof text === "string") node.textContent = text;
    return node;
  };
  const wordNote = (note) => {
    const box = el("aside", "dn-word");
    const label = el("strong", null, `Word explained: ${note.term}.`);
    box.append(label, " ", note.meaning);
    box.append(el("span", "dn-sources", note.sources));
    return box;
  };
  const card = (item) => {
    const box = el("div", item.boxed ? "dn-card" : "dn-statement");
    if (item.title) box.append(el("p", "dn-card-title", item.title));
    box.append(el("p", "dn-text", item.text));
    box.append(el("p", "dn-sources", item.sources));
    (item.words || []).forEach((note) => box.append(wordNote(note)));
    return box;
  };
  const build = (panel) => {
    const parts = [el("h2", "dn-heading", panel.heading)];
    if (panel.intro) parts.push(el("p", "dn-text", panel.intro));
    if (panel.conditions_heading) parts.push(el("h3", "dn-subheading", panel.conditions_heading));
    if (panel.notice) {
      const notice = el("p", "dn-notice", panel.notice);
      notice.setAttribute("role", "note");
      parts.push(notice);
    }
    (panel.cards || []).forEach((item) => parts.push(card(item)));
    return parts;
  };
  const render = () => {
    const wanted = html.dataset.dnRegion || "";
    const id = Object.prototype.hasOwnProperty.call(panels, wanted) ? wanted : "";
    const panel = panels[id];
    if (!panel || (root.dataset.shown === id && root.childElementCount)) return;
    root.replaceChildren(...build(panel));
    root.dataset.shown = id;
  };
  delete root.dataset.shown; // new data (another mode): draw again
  render();

  // Streamlit runs this again when data changes but the cleanup only on unmount:
  // drop the previous run's observer first.
  if (typeof root.dnCleanup === "function") root.dnCleanup();
  const observer = new MutationObserver(render);
  observer.observe(html, { attributes: true, attributeFilter: ["data-dn-region"] });
  root.dnCleanup = () => observer.disconnect();
  return () => observer.disconnect();
}
