// Small-cell suppression for observers. Primary: a count of 1..k-1 cases is withheld (a zero
// singles out nobody and is shown). Complementary: wherever one linear identity between counts
// (a total and its parts, a period and the whole window, ...) would have exactly one withheld
// cell, that cell could be recovered by subtraction, so one more cell of that identity is
// withheld: the smallest non-zero one (the least information lost), else a zero. Repeated until
// no identity has exactly one withheld cell.

/** Returns a flag per cell: 1 = withheld. `relations` are lists of cell ids tied by one equation. */
export function suppress(values: ArrayLike<number>, relations: readonly (readonly number[])[], k: number): Uint8Array {
  const withheld = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) if (values[i] > 0 && values[i] < k) withheld[i] = 1;
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      let hiddenCount = 0;
      for (const c of relation) hiddenCount += withheld[c];
      if (hiddenCount !== 1) continue;
      let pick = -1;
      for (const c of relation) {
        if (withheld[c]) continue;
        if (pick < 0 || rank(values[c]) < rank(values[pick])) pick = c;
      }
      if (pick >= 0) {
        withheld[pick] = 1;
        changed = true;
      }
    }
  }
  return withheld;
}

/** Non-zero values first, smallest first; zeros last. */
const rank = (value: number): number => (value > 0 ? value : Number.MAX_SAFE_INTEGER);
