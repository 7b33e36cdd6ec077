// A QR code drawn from its module rows ("0110..." per row, made by segno in Python) as SVG
// squares, with its name for screen readers and its hint under it; all set as attributes or text.
export default function ({ parentElement, data }) {
  const svg = parentElement.querySelector(".dn-qr-code");
  if (!svg) return;
  const rows = Array.isArray(data?.rows) ? data.rows.filter((r) => typeof r === "string" && /^[01]*$/.test(r)) : [];
  const quiet = 4;
  const size = (rows.length ? rows[0].length : 0) + 2 * quiet;
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("aria-label", typeof data?.label === "string" ? data.label : "");
  parentElement.querySelector(".dn-qr-hint").textContent = typeof data?.hint === "string" ? data.hint : "";
  let d = "";
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) if (row[x] === "1") d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  });
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", d);
  svg.replaceChildren(path);
}
