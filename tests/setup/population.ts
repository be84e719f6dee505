/** Persons of the test population picked by what the deterministic generators give them. */
import { syntheticPerson, type SyntheticPerson } from "../../subgraphs/kit/synthetic/person";
import { nessRecordsFor } from "../../subgraphs/employment-support/seed";
import { jobSearchGuaranteeRecordsFor } from "../../subgraphs/job-search-guarantee/seed";
import { midCareerRecordsFor } from "../../subgraphs/mid-career/seed";
import { learningCardRecordsFor } from "../../subgraphs/learning-card/seed";

export function programRecordsOf(p: SyntheticPerson) {
  return { p, ness: nessRecordsFor(p), jsg: jobSearchGuaranteeRecordsFor(p), mc: midCareerRecordsFor(p), lc: learningCardRecordsFor(p) };
}

export type PersonWithRecords = ReturnType<typeof programRecordsOf>;

/** The first person of the test population whose records satisfy `where`. */
export function firstPerson(limit: number, where: (r: PersonWithRecords) => boolean, what: string): PersonWithRecords {
  for (let i = 1; i <= limit; i++) {
    const records = programRecordsOf(syntheticPerson(i));
    if (where(records)) return records;
  }
  throw new Error(`no ${what} in the test population`);
}

const inAllPrograms = ({ ness, jsg, mc, lc }: PersonWithRecords) =>
  ness.enrollments.length > 0 && jsg.participations.length > 0 && mc.sessions.length + mc.placements.length > 0 && lc.card !== null && lc.enrollments.length > 0;

/** The first person (within the test population) with history in all four programs. */
export function personInAllPrograms(limit: number): PersonWithRecords {
  return firstPerson(limit, inAllPrograms, "person with history in all four programs");
}
