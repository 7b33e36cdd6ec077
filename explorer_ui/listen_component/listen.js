// Listen: reads what is on screen aloud, in reading order and in the page's language, with the
// sentence being read highlighted and kept in view. Only on-device voices are used
// (SpeechSynthesisVoice.localService): a network voice would send the text off the machine, so
// where no local voice speaks the page's language, the button is not offered.
// Speech stops on "Stop", when the view changes (another region, another tab, another page) and
// on the kiosk's idle reset (the shell calls window.dnSpeech.stop()). Words come from data.
const BLOCKS = 'h1, h2, h3, p, li, details[open], [role="tab"][aria-selected="true"]';
// Never read: citation chips and their names (the view's chips; the pages' small "Sources 1, 3",
// which Streamlit draws as a span with an inline font size), buttons, screen-reader-only copies,
// closed word notes, icons, the page bar (its links among them) and the heading anchors. A clinic's
// own-claim tag is read.
const SKIP = [
  ".dn-cite-names",
  'button:not([role="tab"])',
  ".dn-sr-only",
  "details:not([open])",
  "svg",
  '[role="img"]',
  '[aria-hidden="true"]',
  "[hidden]",
  '[data-testid="stMarkdownContainer"] span[style*="font-size"]',
  '[data-testid="stHeaderActionElements"]',
  ".st-key-page_bar",
].join(", ");
const SLOWER_RATE = 0.7;

// What to read: the region view on the body map page, else the page's main column.
const readRoot = (reads) =>
  (reads === "view" && document.querySelector(".dn-view")) || document.querySelector('[data-testid="stMainBlockContainer"]');

// The blocks of text in reading (document) order; each one's text nodes, skipping what is never read.
const blocksIn = (root) =>
  [...root.querySelectorAll(BLOCKS)]
    .filter((block) => !block.closest(SKIP) && block.checkVisibility())
    .map((block) => {
      const nodes = [];
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
        acceptNode: (node) => {
          if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
          if (node === block) return NodeFilter.FILTER_SKIP;
          // A nested block is read on its own turn; skipped parts are not read at all.
          return node.matches(SKIP) || node.matches(BLOCKS) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
        },
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
      return { block, nodes };
    })
    .filter(({ nodes }) => nodes.some((n) => n.data.trim()));

// The nearest ancestor that is laid out as a block (a flex item counts): text in two of them is two
// pieces, so a line break goes between them (a sentence ends there, and no two words run together).
const boxOf = (node) => {
  for (let e = node.parentElement; e; e = e.parentElement) {
    if (getComputedStyle(e).display !== "inline") return e;
  }
  return null;
};

// Sentences of one block, each with the DOM range it covers (for the highlight).
const sentencesOf = ({ block, nodes }, lang) => {
  let text = "";
  const starts = nodes.map((node, i) => {
    if (i > 0 && boxOf(node) !== boxOf(nodes[i - 1])) text += "\n";
    const at = text.length;
    text += node.data;
    return at;
  });
  const point = (offset) => {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > offset) i -= 1;
    return [nodes[i], Math.min(offset - starts[i], nodes[i].data.length)];
  };
  const out = [];
  for (const { segment, index } of new Intl.Segmenter(lang, { granularity: "sentence" }).segment(text)) {
    const spoken = segment.replace(/\s+/g, " ").trim();
    if (!spoken) continue;
    const lead = segment.length - segment.trimStart().length;
    const range = document.createRange();
    range.setStart(...point(index + lead));
    range.setEnd(...point(index + segment.trimEnd().length));
    out.push({ text: spoken, range, block });
  }
  return out;
};

// The best on-device voice for a language: the exact language, then the browser's own, then a base voice.
const localVoice = (voices, lang) => {
  const primary = (tag) => tag.toLowerCase().split(/[-_]/)[0];
  const candidates = voices.filter((v) => v.localService && primary(v.lang) === primary(lang));
  const score = (v) =>
    (v.lang.toLowerCase() === lang.toLowerCase() ? 8 : 0) +
    (v.lang.toLowerCase() === (navigator.language || "").toLowerCase() ? 4 : 0) +
    (v.default ? 2 : 0) +
    (v.name.includes("+") ? 0 : 1);
  return candidates.sort((a, b) => score(b) - score(a))[0] || null;
};

export default function ({ parentElement, data }) {
  const box = parentElement.querySelector(".dn-listen");
  const synth = window.speechSynthesis;
  if (!box || !synth || typeof SpeechSynthesisUtterance !== "function") return;
  const words = data && typeof data.words === "object" && data.words ? data.words : {};
  const reads = data?.reads === "view" ? "view" : "page";
  const play = box.querySelector(".dn-listen-play");
  const label = box.querySelector(".dn-listen-label");
  const icon = box.querySelector(".dn-listen-icon");
  const slower = box.querySelector(".dn-listen-slower");
  slower.textContent = words.slower || "";
  const html = document.documentElement;
  const lang = () => html.lang || "en";
  // One speech state per browser tab, shared with the shell (idle warning, idle reset).
  const speech = (window.dnSpeech ??= { used: false, slow: false, stop: () => {}, say: () => {} });
  if (typeof box.dnCleanup === "function") box.dnCleanup();

  let queue = [];
  let current = -1;
  let run = 0; // utterances of an older run are ignored once it is stopped
  const highlights = window.CSS && CSS.highlights;
  const mark = (range) => {
    if (!highlights) return;
    if (range) highlights.set("dn-speaking", new Highlight(range));
    else highlights.delete("dn-speaking");
  };
  // The button's name says what it does now (Listen, or Stop); its state is data, not aria-pressed,
  // which would make screen readers say "Stop, pressed".
  const show = (speaking) => {
    play.dataset.speaking = speaking ? "true" : "false";
    label.textContent = speaking ? words.stop || "" : words.listen || "";
    icon.textContent = speaking ? "■" : "▶";
  };
  const stop = () => {
    run += 1;
    queue = [];
    current = -1;
    synth.cancel();
    mark(null);
    show(false);
  };
  const voiceFor = () => localVoice(synth.getVoices(), lang());
  // Queue every sentence at once (the engine plays them in order); each one marks itself when it starts.
  const speakFrom = (sentences, from) => {
    const voice = voiceFor();
    if (!voice || !sentences.length) return;
    stop();
    const mine = run;
    queue = sentences;
    show(true);
    sentences.slice(from).forEach((sentence, i) => {
      const utterance = new SpeechSynthesisUtterance(sentence.text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = speech.slow ? SLOWER_RATE : 1;
      utterance.addEventListener("start", () => {
        if (mine !== run) return;
        current = from + i;
        if (sentence.range) {
          mark(sentence.range);
          const rect = sentence.range.getBoundingClientRect();
          if (rect.top < 0 || rect.bottom > window.innerHeight) {
            sentence.block.scrollIntoView({ block: "center", behavior: "smooth" });
          }
        }
      });
      const finish = () => {
        if (mine === run && from + i === sentences.length - 1) stop();
      };
      utterance.addEventListener("end", finish);
      utterance.addEventListener("error", finish);
      synth.speak(utterance);
    });
  };
  const screenSentences = () => {
    const root = readRoot(reads);
    return root ? blocksIn(root).flatMap((block) => sentencesOf(block, lang())) : [];
  };
  speech.stop = stop;
  // Fixed interface text (the idle warning), spoken only for a visitor who used Listen.
  speech.say = (texts) => {
    if (!speech.used) return;
    speakFrom(texts.filter(Boolean).map((text) => ({ text, range: null, block: null })), 0);
  };

  const onPlay = () => {
    if (play.dataset.speaking === "true") {
      stop();
      return;
    }
    speech.used = true;
    speakFrom(screenSentences(), 0);
  };
  const onSlower = () => {
    speech.slow = !speech.slow;
    slower.setAttribute("aria-pressed", speech.slow ? "true" : "false");
    // Speaking: go on from the sentence being read, at the new pace.
    if (queue.length && current >= 0 && queue[current].range) speakFrom(queue, current);
  };
  // Offered only where an on-device voice speaks the page's language; voices arrive late.
  const offer = () => {
    box.hidden = !voiceFor();
  };
  show(false);
  slower.setAttribute("aria-pressed", speech.slow ? "true" : "false");
  offer();
  synth.addEventListener("voiceschanged", offer);
  play.addEventListener("click", onPlay);
  slower.addEventListener("click", onSlower);
  // Another region, another tab or another language: what was being read is gone.
  const changes = new MutationObserver(() => {
    if (queue.length) stop();
  });
  changes.observe(html, { attributes: true, attributeFilter: ["data-dn-region", "lang"] });
  // The region view marks the tab and region it shows (it may mount after this button).
  changes.observe(document.body, { attributes: true, subtree: true, attributeFilter: ["data-open-tab", "data-shown"] });

  const cleanup = () => {
    stop();
    changes.disconnect();
    synth.removeEventListener("voiceschanged", offer);
    play.removeEventListener("click", onPlay);
    slower.removeEventListener("click", onSlower);
  };
  box.dnCleanup = cleanup;
  return cleanup;
}
