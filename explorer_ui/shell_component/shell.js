// The app shell: mode and text size on <html>, and per mode:
// - kiosk: no context menu, and the idle reset (warning with a countdown, then a fresh start);
// - present: the arrow keys step through the guided tour.
// It only reads numbers and fixed words from data; nothing is written as HTML.
// The page's style sheet (assets/page.css) keeps the main area hidden until <html data-dn-ready>:
// Streamlit draws each kind of element with a grey stand-in until its code has loaded, and the page
// jumped as they were swapped for the real thing. Ready means the first run has ended and no
// stand-in is left; set once per page load, never again (a later tap must not hide the page). The
// style sheet shows the page after a few seconds whatever happens here.
const STAND_IN = '[data-testid="stMain"] :is(.stSkeleton, [data-testid^="stSkeleton"])';

function revealWhenDrawn(html) {
  if ("dnReady" in html.dataset || window.dnRevealWatch) return;
  const app = document.querySelector('[data-testid="stApp"]');
  const drawn = () => app?.dataset.testScriptState === "notRunning" && !document.querySelector(STAND_IN);
  const check = () => {
    if (!drawn()) return;
    window.dnRevealWatch.disconnect();
    html.dataset.dnReady = "";
  };
  window.dnRevealWatch = new MutationObserver(check);
  if (app) window.dnRevealWatch.observe(app, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-test-script-state"] });
  check();
}

export default function ({ parentElement, data, setTriggerValue }) {
  const mode = ["kiosk", "present", "explore"].includes(data?.mode) ? data.mode : "explore";
  const scale = Number.isFinite(data?.scale) ? data.scale : 100;
  const html = document.documentElement;
  html.dataset.dnMode = mode;
  // The page's language (screen readers and the Listen voice follow it): a short code from our own list.
  // Written only on a change: Listen stops when the language changes, not at every rerun.
  if (typeof data?.lang === "string" && /^[a-z]{2,3}$/.test(data.lang) && html.lang !== data.lang) html.lang = data.lang;
  html.dataset.dnScale = String(scale);
  html.style.setProperty("--dn-scale", String(scale / 100));
  revealWhenDrawn(html);
  // Streamlit calls this again on every rerun but runs the returned cleanup only
  // when the component goes away: undo the previous run's listeners and timer first.
  if (typeof window.dnShellCleanup === "function") window.dnShellCleanup();
  const cleanups = [];
  const listen = (target, type, handler, options) => {
    target.addEventListener(type, handler, options);
    cleanups.push(() => target.removeEventListener(type, handler, options));
  };

  if (mode === "present") {
    listen(document, "keydown", (event) => {
      const target = event.composedPath()[0];
      const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (typing || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        event.preventDefault();
        setTriggerValue("step", event.key === "ArrowRight" ? 1 : -1);
      }
    });
  }

  // Where the mode keeps no history (the kiosk), Streamlit's changes of address (an area, a page)
  // replace the current step instead of adding one: Back after the idle reset finds nothing of the
  // last visitor. Once per page load; the reset's reload starts the page afresh.
  if (data?.keepsHistory === false && !window.dnOneHistoryStep) {
    window.dnOneHistoryStep = true;
    const replace = window.history.replaceState.bind(window.history);
    window.history.pushState = (state, unused, url) => replace(state, unused, url);
  }

  if (mode === "kiosk") {
    listen(document, "contextmenu", (event) => event.preventDefault(), true);
    const idleMs = Math.max(5, Number(data.idleSeconds) || 90) * 1000;
    const countdownMs = Math.max(20, Number(data.countdownSeconds) || 20) * 1000;
    const dialog = parentElement.querySelector(".dn-idle");
    const seconds = parentElement.querySelector(".dn-idle-seconds");
    const stay = parentElement.querySelector(".dn-idle-stay");
    const said = data.words && typeof data.words === "object" ? data.words : {};
    const setText = (selector, text) => {
      const node = parentElement.querySelector(selector);
      if (node && typeof text === "string") node.textContent = text;
    };
    setText("#dn-idle-title", said.title);
    setText(".dn-idle-before", said.before);
    setText(".dn-idle-after", said.after);
    setText(".dn-idle-stay", said.stay);
    // The timer arms only once somebody has touched this page, so an untouched
    // start screen stays put instead of resetting itself every two minutes. The
    // state lives on window because this function runs again on every rerun.
    const idle = (window.dnIdle ??= { armed: false, lastActivity: Date.now() });
    let warningSince = null;

    const hideWarning = () => {
      if (warningSince !== null) window.dnSpeech?.stop();
      warningSince = null;
      dialog.hidden = true;
    };
    // Any touch or key, the countdown's own button included, means "I'm still here".
    const activity = () => {
      idle.armed = true;
      idle.lastActivity = Date.now();
      if (warningSince !== null) hideWarning();
    };
    for (const type of ["pointerdown", "keydown", "touchstart", "wheel"]) {
      listen(document, type, activity, { capture: true, passive: true });
    }
    listen(stay, "click", activity);
    const tick = () => {
      const now = Date.now();
      if (!idle.armed) return;
      // Listening hands-free is not being idle: the screen waits while it reads aloud.
      if (warningSince === null && window.speechSynthesis?.speaking && window.dnSpeech?.used) idle.lastActivity = now;
      if (warningSince === null && now - idle.lastActivity >= idleMs) {
        warningSince = now;
        seconds.textContent = String(Math.round(countdownMs / 1000));
        dialog.hidden = false;
        stay.focus();
        // A visitor who used Listen hears the warning too (the timing warning through more than one sense).
        window.dnSpeech?.say([dialog.querySelector("h2").textContent, dialog.querySelector("p").textContent]);
      }
      if (warningSince !== null) {
        const left = Math.max(0, Math.ceil((countdownMs - (now - warningSince)) / 1000));
        seconds.textContent = String(left);
        if (left <= 0) {
          // A full reload starts a new session: nothing of this visitor is left, nothing goes on being heard.
          window.dnSpeech?.stop();
          window.location.replace(new URL("./?mode=kiosk", document.baseURI).href);
        }
      }
    };
    const timer = window.setInterval(tick, 250);
    cleanups.push(() => window.clearInterval(timer));
    hideWarning();
  }

  const cleanup = () => cleanups.splice(0).forEach((undo) => undo());
  window.dnShellCleanup = cleanup;
  return cleanup;
}
