/**
 * The four programs as the statistics see them: each program's own evaluate function and parameter
 * set (the same code that answers `eligibility` for one person), the history its rules read, built
 * from its extract exactly as its subgraph builds it from its tables, and whether a person is
 * enrolled in it on a date.
 */
import { Program } from "../kit/eligibility";
import type { Circumstances } from "../kit/circumstances";
import type { EligibilityValue } from "../kit/rules/evaluation";
import type { ParameterSet } from "../kit/rules/parameters";
import { NESS_RULE_SET, evaluateNess, nessParameters } from "../employment-support/rules/evaluate";
import { closedOn } from "../employment-support/store";
import { GUARANTEE_RULE_SET, evaluateGuarantee, guaranteeParameters } from "../job-search-guarantee/rules/evaluate";
import { MID_CAREER_RULE_SET, evaluateMidCareer, midCareerParameters } from "../mid-career/rules/evaluate";
import { LEARNING_CARD_RULE_SET, evaluateLearningCard, learningCardParameters } from "../learning-card/rules/evaluate";
import type { Population } from "./population";

export interface ProgramModel {
  program: Program;
  parameters: ParameterSet;
  /** The program's rule code, hashed into its rules version. */
  ruleSources: URL[];
  /** Person i's eligibility on a date, by the program's own rules. */
  evaluate(person: Circumstances, p: Population, i: number, asOf: string): EligibilityValue;
  /** Whether person i takes part in the program on a date. */
  enrolled(p: Population, i: number, asOf: string): boolean;
}

/** NESS: an enrollment applied for and not yet closed (the rule `ness.no-active-enrollment` reads the same). */
const openNessEnrollment = (p: Population, i: number, asOf: string) =>
  p.nessEnrollments[i]?.some((e) => {
    const closed = closedOn(e as Parameters<typeof closedOn>[0]);
    return e.applied_on <= asOf && (closed === null || closed > asOf);
  }) ?? false;

/** Learning card: the card valid on the date (not suspended), with what is left on it then. */
function activeCard(p: Population, i: number, asOf: string) {
  const card = p.learningCards[i];
  if (!card || card.issued_on > asOf || card.expires_on < asOf || card.status === "SUSPENDED") return null;
  const used = (p.cardCharges[i] ?? []).filter((e) => e.status !== "DROPPED" && e.enrolled_on <= asOf).reduce((sum, e) => sum + e.card_charge, 0);
  return { id: "card", expiresOn: card.expires_on, balance: Math.max(0, card.grant_total - used) };
}

export const PROGRAMS: Record<Program, ProgramModel> = {
  [Program.NATIONAL_EMPLOYMENT_SUPPORT]: {
    program: Program.NATIONAL_EMPLOYMENT_SUPPORT,
    parameters: nessParameters,
    ruleSources: NESS_RULE_SET.ruleSources,
    evaluate: (person, p, i, asOf) => evaluateNess(person, { activeEnrollmentId: openNessEnrollment(p, i, asOf) ? "enrollment" : null }, asOf),
    enrolled: openNessEnrollment,
  },
  [Program.JOB_SEARCH_GUARANTEE]: {
    program: Program.JOB_SEARCH_GUARANTEE,
    parameters: guaranteeParameters,
    ruleSources: GUARANTEE_RULE_SET.ruleSources,
    evaluate(person, p, i, asOf) {
      const active = p.guaranteeParticipations[i]?.some((x) => x.started_on <= asOf && (x.ended_on === null || x.ended_on >= asOf) && x.status === "ACTIVE");
      return evaluateGuarantee(person, { activeParticipationId: active ? "participation" : null }, asOf);
    },
    enrolled: (p, i, asOf) => p.guaranteeParticipations[i]?.some((x) => x.started_on <= asOf && (x.ended_on === null || x.ended_on >= asOf)) ?? false,
  },
  [Program.MID_CAREER_SUPPORT]: {
    program: Program.MID_CAREER_SUPPORT,
    parameters: midCareerParameters,
    ruleSources: MID_CAREER_RULE_SET.ruleSources,
    evaluate(person, p, i, asOf) {
      const previous = p.midCareerPlacements[i]?.some((x) => x.status !== "DROPPED" && x.started_on <= asOf);
      return evaluateMidCareer(person, { previousPlacementId: previous ? "placement" : null }, asOf);
    },
    /** On a work experience placement that day (planned ones have not started). */
    enrolled: (p, i, asOf) => p.midCareerPlacements[i]?.some((x) => x.status !== "PLANNED" && x.started_on <= asOf && x.ended_on >= asOf) ?? false,
  },
  [Program.LEARNING_CARD]: {
    program: Program.LEARNING_CARD,
    parameters: learningCardParameters,
    ruleSources: LEARNING_CARD_RULE_SET.ruleSources,
    evaluate: (person, p, i, asOf) => evaluateLearningCard(person, { activeCard: activeCard(p, i, asOf) }, asOf),
    enrolled: (p, i, asOf) => activeCard(p, i, asOf) !== null,
  },
};

export const PROGRAM_LIST = Object.values(Program) as Program[];
