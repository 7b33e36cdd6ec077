// The plain list of body areas, grouped by body part: the keyboard and screen-reader
// alternative to the map. One real <button> per area, with aria-pressed for the chosen ones, and for a
// chosen two-sided area its sides (Left, Right, Both). A press changes <html data-dn-region> by the
// rules in selection_rules.js (the map and the region view follow at once; the selection bridge
// tells Python). "Choose several areas" switches a tap from choosing to adding.
// Labels come from data and are set as text only.
export default function ({ parentElement, data }) {
  const root = parentElement.querySelector(".rl");
  if (!root) {
    return;
  }
  const html = document.documentElement;
  const heading = root.querySelector(".rl-heading");
  const list = root.querySelector(".rl-list");
  let groups = [];
  try {
    groups = JSON.parse(typeof data?.groups_json === "string" ? data.groups_json : "[]");
  } catch (error) {
    groups = [];
  }
  if (!Array.isArray(groups)) groups = [];
  heading.textContent = typeof data?.heading === "string" ? data.heading : "";

  const buttons = [];
  const sections = groups
    .filter((g) => g && typeof g.label === "string" && Array.isArray(g.regions))
    .map((g, position) => {
      const section = document.createElement("div");
      section.className = "rl-group";
      const name = document.createElement("p");
      name.className = "rl-group-name";
      name.id = `rl-group-${position}`;
      name.textContent = g.label;
      const row = document.createElement("div");
      row.className = "rl-row";
      row.setAttribute("role", "group");
      row.setAttribute("aria-labelledby", name.id);
      row.append(...g.regions.filter((r) => r && typeof r.id === "string" && typeof r.label === "string").map(makeButton));
      section.append(name, row);
      return section;
    });
  function makeButton(r) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "rl-button";
    button.dataset.listRegion = r.id;
    const tick = document.createElement("span");
    tick.className = "rl-tick";
    tick.setAttribute("aria-hidden", "true");
    tick.textContent = "\u2713";
    const label = document.createElement("span");
    label.textContent = r.label;
    button.append(tick, label);
    buttons.push(button);
    return button;
  }
  list.replaceChildren(...sections);

  // The chosen areas are pressed; a chosen two-sided area offers its sides right after it.
  const said = typeof data?.words === "object" && data.words ? data.words : {};
  const text = (key) => (typeof said[key] === "string" ? said[key] : "");
  const several = root.querySelector(".rl-several");
  root.querySelector(".rl-several-label").textContent = text("several");
  const sided = new Set(groups.flatMap((g) => (Array.isArray(g.regions) ? g.regions : [])).filter((r) => r && r.sided).map((r) => r.id));
  const sideChoice = (button, area) => {
    const box = document.createElement("span");
    box.className = "rl-sides";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", text("which_side").replace("{area}", button.textContent.replace("\u2713", "").trim()));
    [["left", text("left")], ["right", text("right")], [null, text("both")]].forEach(([side, label]) => {
      const choice = document.createElement("button");
      choice.type = "button";
      choice.className = "rl-button rl-side";
      choice.dataset.sideOf = area.region;
      choice.dataset.side = side || "both";
      choice.setAttribute("aria-pressed", area.side === side ? "true" : "false");
      const tick = document.createElement("span");
      tick.className = "rl-tick";
      tick.setAttribute("aria-hidden", "true");
      tick.textContent = "\u2713";
      const name = document.createElement("span");
      name.textContent = label;
      choice.append(tick, name);
      box.append(choice);
    });
    return box;
  };
  const show = () => {
    const areas = dnSelection.read();
    several.setAttribute("aria-pressed", dnSelection.several() ? "true" : "false");
    // The side buttons are drawn again: keep the keyboard on the one that had it (the list may be
    // in a shadow root, where the document's activeElement is only its host).
    const active = root.getRootNode().activeElement;
    const had = active && active.dataset && active.dataset.sideOf ? [active.dataset.sideOf, active.dataset.side] : null;
    list.querySelectorAll(".rl-sides").forEach((box) => box.remove());
    buttons.forEach((b) => {
      const area = areas.find((a) => a.region === b.dataset.listRegion);
      b.setAttribute("aria-pressed", area ? "true" : "false");
      if (area && sided.has(area.region)) b.after(sideChoice(b, area));
    });
    if (had) {
      const again = [...list.querySelectorAll("[data-side-of]")].find(
        (c) => c.dataset.sideOf === had[0] && c.dataset.side === had[1],
      );
      if (again) again.focus();
    }
  };
  show();

  const onClick = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const side = target && target.closest("[data-side-of]");
    if (side && list.contains(side)) {
      side.focus(); // a mouse press too: so the redrawn button gets it back
      dnSelection.setSide(side.dataset.sideOf, side.dataset.side === "both" ? null : side.dataset.side);
      return;
    }
    const button = target && target.closest("[data-list-region]");
    if (button && list.contains(button)) {
      dnSelection.tap(button.dataset.listRegion, null);
    }
  };
  const onSeveral = () => {
    dnSelection.setSeveral(!dnSelection.several());
    show();
  };
  // Streamlit runs this again when data changes but the cleanup only on unmount.
  if (typeof root.dnCleanup === "function") root.dnCleanup();
  list.addEventListener("click", onClick);
  several.addEventListener("click", onSeveral);
  const observer = new MutationObserver(show);
  observer.observe(html, { attributes: true, attributeFilter: ["data-dn-region", "data-dn-several"] });
  const cleanup = () => {
    list.removeEventListener("click", onClick);
    several.removeEventListener("click", onSeveral);
    observer.disconnect();
  };
  root.dnCleanup = cleanup;
  return cleanup;
}
