/**
 * Disclosure control of one answer's counts (threshold rule with secondary suppression; Handbook on
 * Statistical Disclosure Control, ch. 4 frequency tables; ONS uses 10 for administrative data).
 *
 * Primary: a cell under the threshold (but not empty) is suppressed.
 * Secondary: margins count as cells. A "line" of a table is the set of cells sharing every key but
 * one (a row, a column...; for a one-way table, the whole table against its total). In any line
 * holding exactly one suppressed cell, that cell would be its margin minus the others, so the next
 * smallest cell of the line is suppressed as well; repeated until no line has a lone suppressed cell.
 * Every line's margin is treated as published, since another request can ask for it.
 */

export const DEFAULT_MIN_CELL = 10;

/** The threshold: STATISTICS_MIN_CELL (default 10). */
export function minCell(env = process.env): number {
  const value = Number(env.STATISTICS_MIN_CELL ?? DEFAULT_MIN_CELL);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_MIN_CELL;
}

export interface TableCell {
  keys: string[];
  count: number;
}

/** Which cells of a table must be withheld: a flag per cell, in the cells' order. */
export function suppress(cells: TableCell[], threshold: number): boolean[] {
  const hidden = cells.map((c) => c.count > 0 && c.count < threshold);
  if (!hidden.some(Boolean)) return hidden;
  const dimensions = cells[0]?.keys.length ?? 0;
  // lines[d]: cells grouped by every key but the d-th.
  const lines: number[][] = [];
  for (let d = 0; d < dimensions; d++) {
    const byRest = new Map<string, number[]>();
    cells.forEach((cell, i) => {
      const rest = cell.keys.filter((_, k) => k !== d).join("\u0000");
      let line = byRest.get(rest);
      if (!line) byRest.set(rest, (line = []));
      line.push(i);
    });
    lines.push(...byRest.values());
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const suppressedHere = line.filter((i) => hidden[i]);
      if (suppressedHere.length !== 1) continue;
      const candidates = line.filter((i) => !hidden[i] && cells[i].count > 0).sort((a, b) => cells[a].count - cells[b].count || a - b);
      if (candidates.length === 0) continue; // the line's margin equals the one cell, itself under the threshold
      hidden[candidates[0]] = true;
      changed = true;
    }
  }
  return hidden;
}
