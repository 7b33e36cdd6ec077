// The selection bridge: the one link between the browser's selection and Python.
// - Browser to Python: when a tap on the map or the list changes <html data-dn-region>,
//   send it as the "select" trigger with this page's tap number; only the small
//   fragment holding this bridge reruns.
// - Python to browser: data.selected (a deep link, search, the tour, or the answer to
//   a tap) goes onto the attribute, which the map, the list and the region view follow.
//   data.ack is the number of the last tap Python has seen: an answer that has not yet
//   seen this page's latest tap is held back, so two quick taps never flash the first
//   again. If the latest tap is never answered (a lost connection; a new session counts
//   from 0 again), Python's word is taken after PENDING_MS.
const PENDING_MS = 3000;

export default function ({ parentElement, data, setTriggerValue }) {
  const html = document.documentElement;
  if (!parentElement.dnBridge) {
    parentElement.dnBridge = { seq: 0, sentAt: 0, shown: null, timer: null };
  }
  const state = parentElement.dnBridge;
  // Streamlit runs this again when data changes but the cleanup only on unmount:
  // drop the previous run's observer and timer first.
  if (typeof parentElement.dnCleanup === "function") parentElement.dnCleanup();
  const selected = data && typeof data.selected === "string" ? data.selected : "";
  const ack = data && Number.isInteger(data.ack) ? data.ack : 0;

  const apply = () => {
    state.shown = selected; // so the observer below does not send Python's own choice back
    if (selected && html.dataset.dnRegion !== selected) html.dataset.dnRegion = selected;
    if (!selected && "dnRegion" in html.dataset) delete html.dataset.dnRegion;
  };
  window.clearTimeout(state.timer);
  if (ack >= state.seq) {
    apply();
  } else {
    const wait = Math.max(0, PENDING_MS - (performance.now() - state.sentAt));
    state.timer = window.setTimeout(() => {
      state.seq = ack;
      apply();
    }, wait);
  }

  const observer = new MutationObserver(() => {
    const now = html.dataset.dnRegion || "";
    if (!now || now === state.shown) return;
    state.shown = now;
    state.seq += 1;
    state.sentAt = performance.now();
    setTriggerValue("select", { region: now, seq: state.seq });
  });
  observer.observe(html, { attributes: true, attributeFilter: ["data-dn-region"] });
  const cleanup = () => {
    observer.disconnect();
    window.clearTimeout(state.timer);
  };
  parentElement.dnCleanup = cleanup;
  return cleanup;
}
