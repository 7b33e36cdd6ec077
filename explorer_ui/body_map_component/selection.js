// The selection bridge: the one link between the browser's selection and Python.
// - Python to browser: data.selected goes onto <html data-dn-region> (the map, the
//   list and the region view follow it), unless a newer tap is still on its way.
// - Browser to Python: when a tap on the map or the list changes that attribute, send
//   it as the "select" trigger; only the small fragment holding this bridge reruns.
const PENDING_MS = 3000; // after this, an unanswered tap (a lost connection) stops holding Python's answers back

export default function ({ parentElement, data, setTriggerValue }) {
  const html = document.documentElement;
  if (!parentElement.dnBridge) {
    parentElement.dnBridge = { pending: null, since: 0, fromPython: "", observer: null, send: null };
  }
  const state = parentElement.dnBridge;
  const selected = data && typeof data.selected === "string" ? data.selected : "";

  const waiting = state.pending !== null && performance.now() - state.since < PENDING_MS;
  if (!(waiting && selected !== state.pending)) {
    // Python's answer (or its own change: a deep link, search, the tour). An older answer
    // while a newer tap waits is skipped, so two quick taps never flash the first again.
    state.pending = null;
    state.fromPython = selected;
    if (selected && html.dataset.dnRegion !== selected) html.dataset.dnRegion = selected;
    if (!selected && "dnRegion" in html.dataset) delete html.dataset.dnRegion;
  }

  // One observer for the bridge's whole life, made before the region view's: observers run
  // in the order they were made, so a tap is on its way to Python before the view is drawn.
  state.send = setTriggerValue;
  if (!state.observer) {
    state.observer = new MutationObserver(() => {
      const now = html.dataset.dnRegion || "";
      const known = state.pending !== null ? state.pending : state.fromPython;
      if (!now || now === known) return; // Python's own change, or already sent
      state.pending = now;
      state.since = performance.now();
      state.send("select", now);
    });
    state.observer.observe(html, { attributes: true, attributeFilter: ["data-dn-region"] });
  }
  return () => {
    state.observer.disconnect();
    state.observer = null;
  };
}
