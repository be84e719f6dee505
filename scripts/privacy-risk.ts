/**
 * Re-identification risk of the analyst's view (k-anonymity): on the synthetic population the
 * default store is seeded with (generated here in memory, the same persons as `npm run seed`), the
 * persons grouped by the quasi-identifiers an analyst can read about each of them, alone or combined
 * (README, "Analyst view"), and the size of the smallest group: first as recorded, then as the
 * analyst's view releases them after generalisation (k-anonymity by local recoding with k =
 * ANALYST_MIN_GROUP, kit/security/generalisation.ts): the smallest group, persons per level, persons left out.
 *
 *   npm run -s privacy:risk [-- --persons N] [--k 5,10] [--json]
 */
import { parseArgs } from "node:util";
import { syntheticPersons, type SyntheticPerson } from "../subgraphs/kit/synthetic/person";
import { assetsBand, incomeBand } from "../subgraphs/kit/bands";
import { LEVEL_LEFT_OUT, analystMinGroup, generalisationLevels, releasedKey, type QuasiIdentifiers } from "../subgraphs/kit/security/generalisation";

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

export interface GeneralisedReport {
  k: number;
  persons: number;
  /** Smallest group of persons sharing the released quasi-identifiers, among those in the view (>= k). */
  smallestGroup: number;
  groups: number;
  /** Persons per level, 0 (all released) to 6 (left out). */
  perLevel: number[];
  leftOut: number;
}

export function generalised(persons: SyntheticPerson[], k: number): GeneralisedReport {
  const qi: QuasiIdentifiers[] = persons.map((p) => ({
    birthYear: Number(birthYear(p)), centerId: p.centerId, region: p.region, householdSize: p.householdSize,
    incomeBand: incomeBand(p.householdMonthlyIncome), assetsBand: assetsBand(p.householdAssets),
  }));
  const levels = generalisationLevels(qi, k);
  const sizes = new Map<string, number>();
  levels.forEach((level, i) => {
    const key = releasedKey(qi[i], level);
    if (key !== null) sizes.set(key, (sizes.get(key) ?? 0) + 1);
  });
  const perLevel = Array.from({ length: LEVEL_LEFT_OUT + 1 }, (_, l) => levels.filter((x) => x === l).length);
  return { k, persons: persons.length, smallestGroup: Math.min(...sizes.values()), groups: sizes.size, perLevel, leftOut: perLevel[LEVEL_LEFT_OUT] };
}

const persons = syntheticPersons(count);
const reports = Object.entries(SETS).map(([name, key]) => measure(persons, name, key, thresholds));
const after = generalised(persons, analystMinGroup());
if (values.json) console.log(JSON.stringify({ recorded: reports, generalised: after }, null, 2));
else {
  console.log(`${count} synthetic persons (the default seed); sex is not recorded.`);
  const pct = (n: number) => `${((100 * n) / count).toFixed(1)}%`;
  for (const r of reports) {
    const under = thresholds.map((k) => `under ${k}: ${r.under[`k${k}`].groups} groups, ${r.under[`k${k}`].persons} persons (${pct(r.under[`k${k}`].persons)})`).join("; ");
    console.log(`- ${r.quasiIdentifiers}\n  ${r.groups} groups, smallest ${r.smallestGroup}, ${r.unique} persons unique (${pct(r.unique)}); ${under}`);
  }
  console.log(
    `After generalisation (k = ${after.k}, ANALYST_MIN_GROUP): ${after.groups} groups, smallest ${after.smallestGroup}; ` +
      `persons per level 0-6: ${after.perLevel.join("/")} (0 all released, 1 no assets band, 2 no income band, 3 no household size, 4 region for center, 5 5-year birth band, 6 left out); ` +
      `left out: ${after.leftOut} (${pct(after.leftOut)})`,
  );
}
