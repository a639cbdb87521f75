/**
 * The SVG path of a sparkline: `values` spread evenly across `width`, scaled so `max` touches the
 * top. A missing value (null) breaks the line rather than pretending it was zero.
 */
export function sparklinePath(values: readonly (number | null)[], { width, height, max }: { width: number; height: number; max: number }): string {
  if (values.length === 0) return "";
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const top = max > 0 ? max : 1;
  let path = "";
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const x = round(index * step);
    const y = round(height - (Math.min(Math.max(value, 0), top) / top) * height);
    path += `${drawing ? "L" : "M"}${x} ${y}`;
    drawing = true;
  });
  return path;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
