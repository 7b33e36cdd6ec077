// Python's selection onto <html data-dn-region>, which the map and the region view follow.
export default function ({ data }) {
  const selected = data && typeof data.selected === "string" ? data.selected : "";
  const html = document.documentElement;
  if (selected && html.dataset.dnRegion !== selected) html.dataset.dnRegion = selected;
  if (!selected && "dnRegion" in html.dataset) delete html.dataset.dnRegion;
}
