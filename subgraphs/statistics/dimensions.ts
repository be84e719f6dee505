/** What a person is counted under, for each dimension of a breakdown, on a date. */
import { registerEnumType } from "type-graphql";
import { incomeBand } from "../kit/bands";
import type { Population } from "./population";
import { PROGRAM_LIST, PROGRAMS } from "./programs";

export enum StatisticsDimension {
  REGION = "REGION",
  CENTER = "CENTER",
  AGE_BAND = "AGE_BAND",
  EMPLOYMENT_STATUS = "EMPLOYMENT_STATUS",
  INCOME_BAND = "INCOME_BAND",
  PROGRAM = "PROGRAM",
}
registerEnumType(StatisticsDimension, {
  name: "StatisticsDimension",
  description: "What a breakdown counts persons by.",
  valuesConfig: {
    REGION: { description: "Province or metropolitan city (Region values)." },
    CENTER: { description: "Managing employment center (center ids as in employmentCenters)." },
    AGE_BAND: { description: "Age on asOf in 10-year bands: 0-9, 10-19, ... 70-79." },
    EMPLOYMENT_STATUS: { description: "Current work status (EmploymentStatus values)." },
    INCOME_BAND: { description: "Monthly household income in bands of KRW 1,000,000, as the analyst's view of a person shows them." },
    PROGRAM: {
      description: "Program taken part in on asOf (Program values, or NONE). A person in two programs counts in both cells, so these cells overlap.",
    },
  },
});

/** The 10-year band of the age on asOf ("50-59"). */
export const ageBand = (birthDate: string, asOf: string): string => ageBandsOn(asOf)(birthDate);

const digits = (s: string, from: number, to: number) => {
  let n = 0;
  for (let k = from; k < to; k++) n = n * 10 + s.charCodeAt(k) - 48;
  return n;
};

/** The age bands on one asOf, for many birth dates ("YYYY-MM-DD"): read from the digits, with no string made but each band's name once. */
export function ageBandsOn(asOf: string): (birthDate: string) => string {
  const on = digits(asOf, 0, 4) * 10_000 + digits(asOf, 5, 7) * 100 + digits(asOf, 8, 10);
  const names: string[] = [];
  return (birthDate) => {
    const born = digits(birthDate, 0, 4) * 10_000 + digits(birthDate, 5, 7) * 100 + digits(birthDate, 8, 10);
    // Whole years between two yyyymmdd numbers: the year difference, less one before the birthday.
    const low = Math.floor(Math.floor((on - born) / 10_000) / 10);
    return (names[low] ??= `${low * 10}-${low * 10 + 9}`);
  };
}

/** The values person i takes for a dimension (several only for PROGRAM). */
export function valuesOf(dimension: StatisticsDimension, p: Population, i: number, asOf: string, agesOn = asOf): string[] {
  switch (dimension) {
    case StatisticsDimension.REGION:
      return [p.region[i]];
    case StatisticsDimension.CENTER:
      return [p.centerId[i]];
    case StatisticsDimension.AGE_BAND:
      return [ageBand(p.birthDate[i], agesOn)];
    case StatisticsDimension.EMPLOYMENT_STATUS:
      return [p.employmentStatus[i]];
    case StatisticsDimension.INCOME_BAND:
      return [incomeBand(p.monthlyIncome[i])];
    case StatisticsDimension.PROGRAM: {
      const programs = PROGRAM_LIST.filter((program) => PROGRAMS[program].enrolled(p, i, asOf));
      return programs.length ? programs : ["NONE"];
    }
  }
}

/** Counts of the persons `indices` by every combination of the dimensions' values. */
/** Ages are counted on `agesOn` (asOf unless the caller's ages go by the year), everything else on asOf. */
export function countBy(dimensions: StatisticsDimension[], p: Population, indices: Int32Array, asOf: string, agesOn = asOf): Map<string, { keys: string[]; count: number }> {
  const cells = new Map<string, { keys: string[]; count: number }>();
  if (!dimensions.includes(StatisticsDimension.PROGRAM)) {
    // One value a dimension: one key a person, built without intermediate arrays (a million persons
    // in well under a second); the age band from the birth date's digits, with no string made.
    const bandOf = ageBandsOn(agesOn);
    const valueOf = dimensions.map((d): ((i: number) => string) => {
      if (d === StatisticsDimension.REGION) return (i) => p.region[i];
      if (d === StatisticsDimension.CENTER) return (i) => p.centerId[i];
      if (d === StatisticsDimension.EMPLOYMENT_STATUS) return (i) => p.employmentStatus[i];
      if (d === StatisticsDimension.AGE_BAND) {
        return (i) => bandOf(p.birthDate[i]);
      }
      return (i) => valuesOf(d, p, i, asOf, agesOn)[0];
    });
    for (const i of indices) {
      let id = valueOf[0](i);
      for (let d = 1; d < valueOf.length; d++) id += "\u0000" + valueOf[d](i);
      const cell = cells.get(id);
      if (cell) cell.count++;
      else cells.set(id, { keys: id.split("\u0000"), count: 1 });
    }
    return cells;
  }
  for (const i of indices) {
    let combinations: string[][] = [[]];
    for (const d of dimensions) {
      const values = valuesOf(d, p, i, asOf, agesOn);
      combinations = values.length === 1 ? combinations.map((c) => [...c, values[0]]) : combinations.flatMap((c) => values.map((v) => [...c, v]));
    }
    for (const keys of combinations) {
      const id = keys.join("\u0000");
      const cell = cells.get(id);
      if (cell) cell.count++;
      else cells.set(id, { keys, count: 1 });
    }
  }
  return cells;
}
