/**
 * Who may ask, and about whom: analysts about everyone, counsellors about the persons of their own
 * centers; anyone else is refused here as at the gateway. A filter must leave at least the
 * threshold's number of persons (else BAD_USER_INPUT, reason POPULATION_BELOW_THRESHOLD).
 * Dates as the caller's person-level view has them: an analyst's answers go by the month and ages
 * by the year, so moving asOf day by day tells no one's birthday or event day.
 */
import { GraphQLError } from "graphql";
import { ErrorCode, badUserInput } from "../kit/errors";
import { addMonths, ageOn, todayInKorea } from "../../platform/dates";
import { forbidden } from "../../platform/security/errors";
import type { SubgraphContext } from "../kit/context";
import { analystAsOf, byMonth, monthStart } from "../kit/security/personal-dates";
import { minCell } from "./disclosure";
import type { Population } from "./population";
import type { Covered, StatisticsFilter } from "./types";

export function checkAudience(ctx: SubgraphContext): void {
  const { audience } = ctx.caller;
  if (audience !== "analyst" && audience !== "counsellor") {
    throw forbidden("Population statistics are for analysts, and for counsellors about their own centers.");
  }
}

/** The centers a caller may count: null for all (analysts). */
function allowedCenters(ctx: SubgraphContext, filter: StatisticsFilter): string[] | null {
  if (ctx.caller.audience === "analyst") return filter.centerId ? [filter.centerId] : null;
  const own = ctx.caller.centers ?? [];
  if (filter.centerId) {
    if (!own.includes(filter.centerId)) throw forbidden(`Center ${filter.centerId} is not one of yours; counsellors see the statistics of their own centers.`);
    return [filter.centerId];
  }
  return own;
}

function checkAge(name: "minAge" | "maxAge", value: number | null | undefined) {
  if (value != null && (!Number.isInteger(value) || value < 0 || value > 130)) throw badUserInput(`filter.${name}`, `${name} must be a whole number from 0 to 130.`);
}

export function cover(ctx: SubgraphContext, p: Population, filter: StatisticsFilter | null, asOf: string | null): Covered {
  checkAudience(ctx);
  const f = filter ?? {};
  checkAge("minAge", f.minAge);
  checkAge("maxAge", f.maxAge);
  const asked = asOf ?? todayInKorea();
  const monthly = byMonth(ctx.caller);
  const on = analystAsOf(ctx.caller, asked);
  const agesOn = monthly ? `${asked.slice(0, 4)}-12-31` : asked;
  const centers = allowedCenters(ctx, f);
  const centerSet = centers ? new Set(centers) : null;
  const picked: number[] = [];
  for (let i = 0; i < p.size; i++) {
    if (centerSet && !centerSet.has(p.centerId[i])) continue;
    if (f.region && p.region[i] !== f.region) continue;
    if (f.employmentStatus && p.employmentStatus[i] !== f.employmentStatus) continue;
    if (f.minAge != null || f.maxAge != null) {
      const age = ageOn(p.birthDate[i], agesOn);
      if (f.minAge != null && age < f.minAge) continue;
      if (f.maxAge != null && age > f.maxAge) continue;
    }
    picked.push(i);
  }
  const threshold = minCell();
  if (picked.length < threshold) {
    throw new GraphQLError(
      `The filter covers fewer than ${threshold} persons; statistics on so few could identify them. Widen the filter.`,
      { extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: "filter", reason: "POPULATION_BELOW_THRESHOLD", threshold } },
    );
  }
  return { population: p, indices: Int32Array.from(picked), asOf: on, agesOn, byMonth: monthly, threshold };
}

/**
 * The date a reform is evaluated on: the later of asOf and the changes' first date. For an analyst,
 * by the month: a change dated inside a month is evaluated on the next month's first day, when it
 * is in force (asOf is a month's first day already).
 */
export function evaluationDate(covered: Covered, changesFrom: string): string {
  const from = covered.byMonth && changesFrom !== "" && changesFrom !== monthStart(changesFrom) ? addMonths(monthStart(changesFrom), 1) : changesFrom;
  return [covered.asOf, from].sort().at(-1)!;
}
