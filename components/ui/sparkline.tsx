import { sparklinePath } from "./sparkline-path";

const WIDTH = 240;
const HEIGHT = 48;

/** A small line chart of recent values, drawn by hand in SVG; each series takes a text colour class. */
export function Sparkline({ label, series, max }: { label: string; series: { values: (number | null)[]; className: string }[]; max: number }) {
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="h-12 w-full overflow-visible">
      <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="stroke-slate-200" strokeWidth={1} vectorEffect="non-scaling-stroke" />
      {series.map(({ values, className }, index) => (
        <path
          key={index}
          d={sparklinePath(values, { width: WIDTH, height: HEIGHT, max })}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
          className={className}
        />
      ))}
    </svg>
  );
}
