/**
 * Re-identification risk of the analyst's view (k-anonymity): on the synthetic population the
 * default store is seeded with (generated here in memory, the same persons as `npm run seed`), the
 * persons grouped by the quasi-identifiers an analyst can read about each of them, alone or combined
 * (README, "Analyst view"), and the size of the smallest group.
 *
 *   npm run -s privacy:risk [-- --persons N] [--k 5,10] [--json]
 */
import { parseArgs } from "node:util";
import { syntheticPersons, type SyntheticPerson } from "../subgraphs/kit/synthetic/person";
import { assetsBand, incomeBand } from "../subgraphs/kit/bands";

const { values } = parseArgs({
  options: { persons: { type: "string", default: process.env.SEED_PERSONS || "10000" }, k: { type: "string", default: "5,10" }, json: { type: "boolean", default: false } },
});
const count = Number(values.persons);
const thresholds = values.k!.split(",").map(Number);

/** Quasi-identifier sets: the analyst view as published, then what each coarsening would give. */
const birthYear = (p: SyntheticPerson) => p.birthDate.slice(0, 4);
const SETS: Record<string, (p: SyntheticPerson) => unknown[]> = {
  "analyst view: birth year, center (and its region), household size, income band, assets band": (p) => [birthYear(p), p.centerId, p.householdSize, incomeBand(p.householdMonthlyIncome), assetsBand(p.householdAssets)],
  "without assets band": (p) => [birthYear(p), p.centerId, p.householdSize, incomeBand(p.householdMonthlyIncome)],
  "birth year, center, household size": (p) => [birthYear(p), p.centerId, p.householdSize],
  "birth year, center": (p) => [birthYear(p), p.centerId],
  "5-year birth band, center": (p) => [Math.floor(Number(birthYear(p)) / 5) * 5, p.centerId],
  "5-year birth band, region": (p) => [Math.floor(Number(birthYear(p)) / 5) * 5, p.region],
};

export interface GroupReport {
  quasiIdentifiers: string;
  persons: number;
  groups: number;
  smallestGroup: number;
  unique: number;
  under: Record<string, { groups: number; persons: number }>;
}

export function measure(persons: SyntheticPerson[], name: string, key: (p: SyntheticPerson) => unknown[], ks: number[]): GroupReport {
  const sizes = new Map<string, number>();
  for (const p of persons) {
    const k = JSON.stringify(key(p));
    sizes.set(k, (sizes.get(k) ?? 0) + 1);
  }
  const groupSizes = [...sizes.values()];
  const under = Object.fromEntries(
    ks.map((k) => {
      const small = groupSizes.filter((s) => s < k);
      return [`k${k}`, { groups: small.length, persons: small.reduce((a, b) => a + b, 0) }];
    }),
  );
  return { quasiIdentifiers: name, persons: persons.length, groups: sizes.size, smallestGroup: groupSizes.reduce((a, b) => Math.min(a, b), Infinity), unique: groupSizes.filter((s) => s === 1).length, under };
}

const persons = syntheticPersons(count);
const reports = Object.entries(SETS).map(([name, key]) => measure(persons, name, key, thresholds));
if (values.json) console.log(JSON.stringify(reports, null, 2));
else {
  console.log(`${count} synthetic persons (the default seed); sex is not recorded.`);
  const pct = (n: number) => `${((100 * n) / count).toFixed(1)}%`;
  for (const r of reports) {
    const under = thresholds.map((k) => `under ${k}: ${r.under[`k${k}`].groups} groups, ${r.under[`k${k}`].persons} persons (${pct(r.under[`k${k}`].persons)})`).join("; ");
    console.log(`- ${r.quasiIdentifiers}\n  ${r.groups} groups, smallest ${r.smallestGroup}, ${r.unique} persons unique (${pct(r.unique)}); ${under}`);
  }
}
