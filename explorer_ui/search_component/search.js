// The therapist's search box: what is typed goes to Python as the "search" trigger when Enter is
// pressed (every time, so a search can be repeated) or when the box is left with new text.
// Its label and placeholder come from data and are set as text only.
export default function ({ parentElement, data, setTriggerValue }) {
  const form = parentElement.querySelector(".dn-search");
  if (!form) return;
  const input = form.querySelector(".dn-search-input");
  form.querySelector(".dn-search-label").textContent = typeof data?.label === "string" ? data.label : "";
  input.placeholder = typeof data?.placeholder === "string" ? data.placeholder : "";
  form.dnSend = setTriggerValue; // this run's, in case a rerun hands over a new one
  if (form.dnBound) return; // the listeners stay from the first run; the typed text stays too
  form.dnBound = true;
  let sent = null;
  const send = (always) => {
    const text = input.value.slice(0, 80);
    if (!always && text === sent) return;
    sent = text;
    form.dnSend("search", text);
  };
  form.addEventListener("submit", (event) => event.preventDefault());
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.isComposing) {
      event.preventDefault();
      send(true);
    }
  });
  input.addEventListener("change", () => send(false));
}
