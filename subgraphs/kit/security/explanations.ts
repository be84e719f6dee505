/**
 * Explanations for callers who may not see exact values (PIPA Art. 28-2 for analysts; for partners,
 * the person's household is not part of what they were granted). Applied by every program subgraph
 * to its own answers, where the data lives:
 * - a rule's outcome keeps `rule`, `passed`, `source` and the published `threshold`; `observed` is
 *   rendered from the rule's `observedKind` (amounts as bands, see ../bands.ts; unknown kinds null);
 *   `description` is the rule's published description and the result, never the personalised text;
 * - for analysts, a benefit keeps its kind and months, its amounts are withheld, and every text of the
 *   answer (benefits' and events' descriptions) has its amounts withheld.
 */
import { assetsBand, incomeBand, revenueBand } from "../bands";
import { ruleDefinition, type ObservedKind, type RuleOutcomeValue } from "../rules/rule";
import type { BenefitValue, EligibilityValue } from "../rules/evaluation";
import type { Caller } from "../../../platform/security/caller";
import { birthYearBand, released } from "./generalisation";
import { centerWithheld, withholdCenter } from "./analyst-view";

/**
 * What of the person an analyst's explanations may carry: the person's generalisation level (the
 * k-anonymity of the analyst's view, generalisation.ts) and, where only the 5-year band of the birth
 * year is released, that band. Identified callers and partners: level 0.
 */
export interface ExplanationView {
  level: number;
  birthYear: number | null;
}
const ALL_RELEASED: ExplanationView = { level: 0, birthYear: null };

/** Callers whose explanations are coarsened: analysts (pseudonymised view) and partners. */
export const coarseExplanations = (caller: Caller): boolean => caller.audience === "analyst" || caller.audience === "partner";

const BANDS: Partial<Record<ObservedKind, (amount: number) => string>> = { income: incomeBand, assets: assetsBand, revenue: revenueBand };
/** Kinds whose value the analyst's view already carries as it is (ages from the birth year's first day). */
const AS_IS: ReadonlySet<ObservedKind> = new Set<ObservedKind>(["age", "count", "category", "center", "record"]);

export function coarseObserved(kind: ObservedKind | undefined, observed: string | null): string | null {
  if (observed === null || kind === undefined) return null;
  const band = BANDS[kind];
  if (band) return /^\d+$/.test(observed) ? band(Number(observed)) : null;
  return AS_IS.has(kind) ? observed : null;
}

/**
 * One rule's outcome as a caller who may not see exact values gets it. `view` withholds more for an
 * analyst where the person's group would otherwise be too small: the assets band (level >= 1), the
 * income bands (>= 2), every threshold that depends on the household's size (>= 3), the center (>= 4),
 * the age (>= 5: the ages of the birth-year band on the date asked, the rules having run on the
 * band's first day).
 */
export function coarseOutcome(outcome: RuleOutcomeValue, view: ExplanationView = ALL_RELEASED, asOf?: string): RuleOutcomeValue {
  const rule = ruleDefinition(outcome.rule);
  const kind = rule?.observedKind;
  const shown = released(view.level);
  let observed = coarseObserved(kind, outcome.observed);
  if ((kind === "assets" && !shown.assetsBand) || (kind === "income" && !shown.incomeBand) || (kind === "center" && !shown.center)) observed = null;
  if (kind === "age" && !shown.birthYear) {
    const band = view.birthYear === null ? null : birthYearBand(view.birthYear);
    const year = Number((asOf ?? "").slice(0, 4));
    observed = band && year ? `${year - band.to}-${year - band.from}` : null;
  }
  const bySize = rule?.parameters.includes(HOUSEHOLD_SIZE_TABLE) ?? false;
  const threshold = !kind || (bySize && !shown.householdSize) ? null : outcome.threshold;
  const published = rule?.description ?? outcome.rule;
  return {
    ...outcome,
    observed,
    threshold,
    description: `${published} ${outcome.passed ? "Met" : "Not met"}${observed === null ? "" : `: ${observed}`}.`,
  };
}

/** The parameter whose value depends on the household's size (a rule reading it has a threshold by size). */
const HOUSEHOLD_SIZE_TABLE = "standard-median-income";

/** "Card issued with (amount withheld)." Every whole-KRW amount of a text, as this graph writes them. */
const AMOUNT = /(?:KRW\s*)?\d[\d,]*\s*KRW|KRW\s*\d[\d,]*/g;
export const withholdAmounts = (text: string): string => text.replace(AMOUNT, "(amount withheld)");

function analystBenefit(benefit: BenefitValue): BenefitValue {
  return { ...benefit, amountPerMonth: null, total: null, description: withholdAmounts(benefit.description) };
}

/** The eligibility answer as the caller may see it (unchanged for identified callers). */
export function eligibilityFor(caller: Caller, value: EligibilityValue, view: ExplanationView = ALL_RELEASED): EligibilityValue {
  if (!coarseExplanations(caller)) return value;
  const seen = caller.audience === "analyst" ? view : ALL_RELEASED;
  return {
    ...value,
    reasons: value.reasons.map((outcome) => coarseOutcome(outcome, seen, value.asOf)),
    benefits: caller.audience === "analyst" ? value.benefits.map(analystBenefit) : value.benefits,
  };
}

/**
 * A program event as the caller may see it: amounts withheld from an analyst's, and the person's
 * center where the analyst's view withholds it (`person`: the person's center and level).
 */
export function eventFor<Event extends { description: string }>(caller: Caller, event: Event, person?: { centerId: string | null; analystLevel?: number }): Event {
  if (caller.audience !== "analyst") return event;
  const description = withholdAmounts(event.description);
  return { ...event, description: person && centerWithheld(caller, person.analystLevel) ? withholdCenter(description, person.centerId) : description };
}
