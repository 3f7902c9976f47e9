import { lineColour, lineDash } from './chart-style';

/**
 * The legend of a line chart as an HTML list below the drawing, not inside the svg: it wraps with
 * the page (the chart library's legend kept the drawing's 640 px and made the page scroll sideways
 * at 320 px, WCAG 1.4.10) and screen readers read it as a list.
 */
export function LineLegend({ labels }: { labels: string[] }) {
  return (
    <ul className="gzc-legend" aria-label="Legenda">
      {labels.map((label, i) => (
        <li key={label} className="gzc-legend__item">
          <svg aria-hidden="true" focusable="false" width="32" height="12" viewBox="0 0 32 12">
            <line x1="0" y1="6" x2="32" y2="6" stroke={lineColour(i)} strokeWidth="3" strokeDasharray={lineDash(i)} />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
