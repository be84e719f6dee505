/**
 * A whole number with a comma every three digits, as `toLocaleString("en-US")` writes it ("2,564,238").
 * Written out because the rules format amounts for every person they evaluate, and Intl's number
 * formatting was a fifth of a whole-population evaluation's time (profiled over the NESS and
 * learning-card rules); this is the same text at a fraction of the cost (tests/unit/thousands.test.ts
 * checks it against Intl).
 */
export function thousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
