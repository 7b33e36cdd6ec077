// The selection's rules, shared by the map and the list (put in front of each one's code).
// A selection is <html data-dn-region>: tokens in the order chosen, "neck calf:right", each an
// area with an optional side (no side: both, or an area that has none). Python reads the same
// tokens (dn_explorer/selection.py). With "Choose several areas" off (<html data-dn-several>
// absent) a tap chooses that area alone, as it always has; on, a tap adds and a second removes.
const dnSelection = {
  read() {
    return (document.documentElement.dataset.dnRegion || "").split(/\s+/).filter(Boolean).map((token) => {
      const [region, side = null] = token.split(":");
      return { region, side };
    });
  },
  write(areas) {
    const html = document.documentElement;
    const text = areas.map((a) => (a.side ? `${a.region}:${a.side}` : a.region)).join(" ");
    if (text) html.dataset.dnRegion = text;
    else delete html.dataset.dnRegion;
  },
  several() {
    return "dnSeveral" in document.documentElement.dataset;
  },
  // A tap on an area (side null: the whole area, as a key press or the list gives it).
  tap(region, side) {
    const areas = this.read();
    const at = areas.findIndex((a) => a.region === region);
    if (!this.several()) {
      const same = areas.length === 1 && at === 0 && areas[0].side === side;
      if (!same) this.write([{ region, side }]);
      return;
    }
    if (at < 0) {
      this.write([...areas, { region, side }]);
      return;
    }
    const had = areas[at].side;
    let now;
    if (side === null || had === side) now = undefined; // a second tap on it removes it
    else if (had === null) now = side === "left" ? "right" : "left"; // both, less the side tapped
    else now = null; // the other side too: both
    if (now === undefined) areas.splice(at, 1);
    else areas[at] = { region, side: now };
    this.write(areas);
  },
  // The list's side buttons: this area on this side (null: both), keeping its place.
  setSide(region, side) {
    const areas = this.read();
    const at = areas.findIndex((a) => a.region === region);
    if (at < 0) areas.push({ region, side });
    else areas[at] = { region, side };
    this.write(this.several() ? areas : [{ region, side }]);
  },
  setSeveral(on) {
    const html = document.documentElement;
    if (on) html.dataset.dnSeveral = "";
    else delete html.dataset.dnSeveral;
  },
};
