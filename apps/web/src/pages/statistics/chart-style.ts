// The charts' colours and line patterns, shared by the drawings (charts.tsx, the chart library's
// chunk) and the HTML legend beside them, which must not pull the chart library in.

/** Each at least 3:1 against white (WCAG 1.4.11). */
export const COLOURS = ['#0b5566', '#b06000', '#5b3f8c', '#2f6b2f'];

export const lineColour = (i: number): string => COLOURS[i % COLOURS.length]!;

/** The first line solid, the others dashed each their own way: told apart without colour too. */
export const lineDash = (i: number): string | undefined => (i === 0 ? undefined : `${4 + 2 * i} 3`);
