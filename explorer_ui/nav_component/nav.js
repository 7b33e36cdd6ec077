// The links between pages, drawn by the page bar so that they cost no element of their own. Each is a
// real link (its address keeps the mode and language), so a click with a modifier key or the middle
// button opens it as any link does. A plain click asks Python to change page instead, as Streamlit's
// own page links do: the session goes on, with its text size.
export default function ({ parentElement, data, setTriggerValue }) {
  const nav = parentElement.querySelector(".dn-nav");
  if (!nav) return;
  const current = data && typeof data.current === "string" ? data.current : "";
  const query = data && typeof data.query === "string" ? data.query : "";
  nav.querySelectorAll("a[data-page]").forEach((link) => {
    if (link.dataset.page === current) {
      link.setAttribute("aria-current", "page");
    } else {
      link.removeAttribute("aria-current");
    }
    link.href = new URL(`./${link.dataset.path}${query ? `?${query}` : ""}`, document.baseURI).href;
  });
  const onClick = (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-page]") : null;
    if (!link || !nav.contains(link)) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (link.dataset.page !== current) setTriggerValue("page", link.dataset.page);
  };
  nav.addEventListener("click", onClick);
  return () => nav.removeEventListener("click", onClick);
}
