import { Bar, BarChart, CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { COLOURS, lineColour, lineDash } from './chart-style';

// The drawings alone, in a chunk of their own: the chart library is most of the statistics page's
// code, and the tables (which hold the same figures) need none of it, so they show first.

export const CHART_WIDTH = 640;

/**
 * The drawing is laid out at CHART_WIDTH and scaled to the page's width (the svg has a viewBox);
 * the wrapper's height follows that width, else a narrow window keeps the full height and leaves
 * empty bands above and below the shrunken drawing.
 */
const scaled = (height: number) => ({ width: '100%', maxWidth: CHART_WIDTH, height: 'auto', aspectRatio: `${CHART_WIDTH} / ${height}` });

export function BarsDrawing({ data, height, name }: { data: { name: string; value: number }[]; height: number; name: string }) {
  return (
    <BarChart
      accessibilityLayer={false}
      layout="vertical"
      width={CHART_WIDTH}
      height={height}
      style={scaled(height)}
      data={data}
      margin={{ left: 24, right: 24 }}
    >
      <CartesianGrid horizontal={false} stroke="#c9e0e5" />
      <XAxis type="number" allowDecimals={false} tick={{ fill: '#1b1f23' }} />
      <YAxis type="category" dataKey="name" width={290} tick={{ fill: '#1b1f23', fontSize: 13 }} />
      <Bar dataKey="value" name={name} fill={COLOURS[0]} isAnimationActive={false} />
    </BarChart>
  );
}

/** Without the chart library's legend: LineLegend (HTML, below the drawing) takes its place. */
export function LinesDrawing({
  data,
  height,
  lines,
}: {
  data: Record<string, string | number | null>[];
  height: number;
  lines: { key: string; label: string }[];
}) {
  return (
    <LineChart
      accessibilityLayer={false}
      width={CHART_WIDTH}
      height={height}
      style={scaled(height)}
      data={data}
      margin={{ left: 8, right: 24 }}
    >
      <CartesianGrid stroke="#c9e0e5" />
      <XAxis dataKey="name" tick={{ fill: '#1b1f23' }} />
      <YAxis allowDecimals={false} tick={{ fill: '#1b1f23' }} />
      {lines.map((line, i) => (
        <Line
          key={line.key}
          dataKey={line.key}
          name={line.label}
          stroke={lineColour(i)}
          strokeWidth={2}
          strokeDasharray={lineDash(i)}
          isAnimationActive={false}
          connectNulls={false}
        />
      ))}
    </LineChart>
  );
}
