// The selection bridge (see explorer_ui/body_map.py). Kept short: it travels with every tap.
const PENDING_MS = 3000;

export default function ({ parentElement, data, setStateValue }) {
  const html = document.documentElement;
  // Runs again on each data change; the cleanup only on unmount.
  if (typeof parentElement.dnCleanup === "function") parentElement.dnCleanup();
  const selected = data && typeof data.selected === "string" ? data.selected : "";
  const ack = data && Number.isInteger(data.ack) ? data.ack : 0;
  if (!parentElement.dnBridge) {
    // A new bridge in a session that has seen taps (back from another page) counts on from
    // Python's number: starting again from 0 would send a number Python has already taken.
    parentElement.dnBridge = { seq: ack, sentAt: 0, shown: null, timer: null };
  }
  const state = parentElement.dnBridge;

  const apply = () => {
    state.shown = selected; // not sent back by the observer
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
    if (now === state.shown) return;
    state.shown = now;
    state.seq += 1;
    state.sentAt = performance.now();
    setStateValue("select", { selection: now, seq: state.seq });
  });
  observer.observe(html, { attributes: true, attributeFilter: ["data-dn-region"] });
  const cleanup = () => {
    observer.disconnect();
    window.clearTimeout(state.timer);
  };
  parentElement.dnCleanup = cleanup;
  return cleanup;
}
