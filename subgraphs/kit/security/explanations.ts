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

/** Callers whose explanations are coarsened: analysts (pseudonymised view) and partners. */
export const coarseExplanations = (caller: Caller): boolean => caller.audience === "analyst" || caller.audience === "partner";

const BANDS: Partial<Record<ObservedKind, (amount: number) => string>> = { income: incomeBand, assets: assetsBand, revenue: revenueBand };
/** Kinds whose value the analyst's view already carries as it is (ages from the birth year's first day). */
const AS_IS: ReadonlySet<ObservedKind> = new Set<ObservedKind>(["age", "count", "category", "record"]);

export function coarseObserved(kind: ObservedKind | undefined, observed: string | null): string | null {
  if (observed === null || kind === undefined) return null;
  const band = BANDS[kind];
  if (band) return /^\d+$/.test(observed) ? band(Number(observed)) : null;
  return AS_IS.has(kind) ? observed : null;
}

export function coarseOutcome(outcome: RuleOutcomeValue): RuleOutcomeValue {
  const rule = ruleDefinition(outcome.rule);
  const observed = coarseObserved(rule?.observedKind, outcome.observed);
  const published = rule?.description ?? outcome.rule;
  return {
    ...outcome,
    observed,
    threshold: rule?.observedKind ? outcome.threshold : null,
    description: `${published} ${outcome.passed ? "Met" : "Not met"}${observed === null ? "" : `: ${observed}`}.`,
  };
}

/** "Card issued with (amount withheld)." Every whole-KRW amount of a text, as this graph writes them. */
const AMOUNT = /(?:KRW\s*)?\d[\d,]*\s*KRW|KRW\s*\d[\d,]*/g;
export const withholdAmounts = (text: string): string => text.replace(AMOUNT, "(amount withheld)");

function analystBenefit(benefit: BenefitValue): BenefitValue {
  return { ...benefit, amountPerMonth: null, total: null, description: withholdAmounts(benefit.description) };
}

/** The eligibility answer as the caller may see it (unchanged for identified callers). */
export function eligibilityFor(caller: Caller, value: EligibilityValue): EligibilityValue {
  if (!coarseExplanations(caller)) return value;
  return {
    ...value,
    reasons: value.reasons.map(coarseOutcome),
    benefits: caller.audience === "analyst" ? value.benefits.map(analystBenefit) : value.benefits,
  };
}

/** A program event as the caller may see it: amounts withheld from an analyst's. */
export function eventFor<Event extends { description: string }>(caller: Caller, event: Event): Event {
  return caller.audience === "analyst" ? { ...event, description: withholdAmounts(event.description) } : event;
}
