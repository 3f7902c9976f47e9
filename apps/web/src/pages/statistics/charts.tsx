import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';

// The drawings alone, in a chunk of their own: the chart library is most of the statistics page's
// code, and the tables (which hold the same figures) need none of it, so they show first.

export const CHART_WIDTH = 640;
export const COLOURS = ['#0b5566', '#b06000', '#5b3f8c', '#2f6b2f'];

export function BarsDrawing({ data, height, name }: { data: { name: string; value: number }[]; height: number; name: string }) {
  return (
    <BarChart accessibilityLayer={false} layout="vertical" width={CHART_WIDTH} height={height} data={data} margin={{ left: 24, right: 24 }}>
      <CartesianGrid horizontal={false} stroke="#c9e0e5" />
      <XAxis type="number" allowDecimals={false} tick={{ fill: '#1b1f23' }} />
      <YAxis type="category" dataKey="name" width={290} tick={{ fill: '#1b1f23', fontSize: 13 }} />
      <Bar dataKey="value" name={name} fill={COLOURS[0]} isAnimationActive={false} />
    </BarChart>
  );
}

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
    <LineChart accessibilityLayer={false} width={CHART_WIDTH} height={height} data={data} margin={{ left: 8, right: 24 }}>
      <CartesianGrid stroke="#c9e0e5" />
      <XAxis dataKey="name" tick={{ fill: '#1b1f23' }} />
      <YAxis allowDecimals={false} tick={{ fill: '#1b1f23' }} />
      <Legend />
      {lines.map((line, i) => (
        <Line
          key={line.key}
          dataKey={line.key}
          name={line.label}
          stroke={COLOURS[i % COLOURS.length]}
          strokeWidth={2}
          strokeDasharray={i === 0 ? undefined : `${4 + 2 * i} 3`}
          isAnimationActive={false}
          connectNulls={false}
        />
      ))}
    </LineChart>
  );
}
