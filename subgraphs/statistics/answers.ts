/** The answers, computed from the persons covered and put under disclosure control. */
import { NetworkStage, type Program, type ProgramEvent } from "../kit/eligibility";
import { daysBetween } from "../../platform/dates";
import { CHAIN, networkCase } from "../journey/network-case";
import { countBy, type StatisticsDimension } from "./dimensions";
import { suppress, type TableCell } from "./disclosure";
import { evaluationDate } from "./scope";
import { evaluatePrograms, baseline, currentLaw, type Outcomes, type Progress } from "./evaluation";
import { PROGRAMS } from "./programs";
import { latestChange, parameterOverrides, type ParameterChangeValue } from "./reform";
import type { Covered, EligibilityStatistics, NetworkPathway, ProgramReform, ReformFigures, ReformResult, StatisticsCell, StatisticsCount, TrackStatistics } from "./types";

const shown = (count: number, hidden: boolean): StatisticsCount => ({ count: hidden ? null : count, suppressed: hidden });

/** A small table (a total split into parts) under the threshold rule with secondary suppression. */
function split(parts: number[], threshold: number, totalHidden = false): StatisticsCount[] {
  if (totalHidden) return parts.map((c) => shown(c, true));
  const hidden = suppress(parts.map((count, k) => ({ keys: [String(k)], count })), threshold);
  return parts.map((c, k) => shown(c, hidden[k]));
}

export function breakdown(covered: Covered, by: StatisticsDimension[]): StatisticsCell[] {
  const cells = [...countBy(by, covered.population, covered.indices, covered.asOf, covered.agesOn).values()].sort((a, b) => {
    for (let k = 0; k < a.keys.length; k++) {
      const order = a.keys[k].localeCompare(b.keys[k], "en", { numeric: true });
      if (order) return order;
    }
    return 0;
  });
  const hidden = suppress(cells as TableCell[], covered.threshold);
  return cells.map((cell, k) => ({ keys: cell.keys.map((value, d) => ({ dimension: by[d], value })), ...shown(cell.count, hidden[k]) }));
}

interface Sums { eligible: number; byTrack: Map<string, { persons: number; monthly: number; total: number }>; monthly: number; total: number }

function sums(outcomes: Outcomes, positions: Iterable<number>): Sums {
  const s: Sums = { eligible: 0, byTrack: new Map(), monthly: 0, total: 0 };
  for (const k of positions) {
    const t = outcomes.track[k];
    if (!t) continue;
    const track = outcomes.tracks[t - 1];
    let row = s.byTrack.get(track);
    if (!row) s.byTrack.set(track, (row = { persons: 0, monthly: 0, total: 0 }));
    row.persons++;
    row.monthly += outcomes.monthly[k];
    row.total += outcomes.total[k];
    s.eligible++;
    s.monthly += outcomes.monthly[k];
    s.total += outcomes.total[k];
  }
  return s;
}

function tracksOf(s: Sums, threshold: number, eligibleHidden: boolean): TrackStatistics[] {
  const tracks = [...s.byTrack.entries()].sort(([a], [b]) => a.localeCompare(b));
  const counts = split(tracks.map(([, row]) => row.persons), threshold, eligibleHidden);
  return tracks.map(([track, row], k) => ({
    track,
    persons: counts[k],
    monthlyBenefits: counts[k].suppressed ? null : row.monthly,
    totalBenefits: counts[k].suppressed ? null : row.total,
  }));
}

/** Positions in the whole-population baseline of the persons covered. */
const positionsOf = (covered: Covered) => covered.indices;

export async function eligibility(covered: Covered, program: Program): Promise<EligibilityStatistics> {
  const outcomes = await baseline(program, covered.population, covered.asOf);
  const positions = positionsOf(covered);
  const s = sums(outcomes, positions);
  let enrolled = 0;
  let eligibleEnrolled = 0;
  for (const k of positions) {
    if (!outcomes.enrolled[k]) continue;
    enrolled++;
    if (outcomes.track[k]) eligibleEnrolled++;
  }
  const t = covered.threshold;
  const [eligible, notEligible] = split([s.eligible, positions.length - s.eligible], t);
  const [enrolledCount] = split([enrolled, positions.length - enrolled], t);
  const [eligibleEnrolledCount, gap] = split([eligibleEnrolled, s.eligible - eligibleEnrolled], t, eligible.suppressed);
  return {
    program,
    asOf: covered.asOf,
    rulesVersion: outcomes.rulesVersion,
    eligible,
    notEligible,
    byTrack: tracksOf(s, t, eligible.suppressed),
    enrolled: enrolledCount,
    eligibleEnrolled: eligibleEnrolledCount,
    eligibleNotEnrolled: gap,
    monthlyBenefits: eligible.suppressed ? null : s.monthly,
    totalBenefits: eligible.suppressed ? null : s.total,
  };
}

/** Reached / went on / median days per stage, for one group of persons. */
function pathwayOf(covered: Covered, positions: number[], centerId: string | null): NetworkPathway {
  const p = covered.population;
  const reached = CHAIN.map(() => 0);
  const wentOn = CHAIN.map(() => 0);
  const days: number[][] = CHAIN.map(() => []);
  for (const i of positions) {
    const first = p.firstReached[i];
    if (!first) continue;
    const events = Object.entries(first).map(([stage, date]) => ({ date, networkStage: stage as NetworkStage }) as ProgramEvent);
    const { stagesReached } = networkCase(events, []);
    stagesReached.forEach((stage) => {
      const s = CHAIN.indexOf(stage);
      reached[s]++;
      const next = CHAIN[s + 1];
      if (next && first[next] && first[next] >= first[stage]!) {
        wentOn[s]++;
        days[s].push(daysBetween(first[stage]!, first[next]));
      }
    });
  }
  const t = covered.threshold;
  return {
    centerId,
    stages: CHAIN.map((stage, s) => {
      const sorted = days[s].sort((a, b) => a - b);
      const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
      const reachedCount = split([reached[s], positions.length - reached[s]], t)[0];
      const wentOnCount = split([wentOn[s], reached[s] - wentOn[s]], t, reachedCount.suppressed)[0];
      return { stage, reached: reachedCount, wentOn: wentOnCount, medianDaysToNext: wentOnCount.suppressed || wentOn[s] < t ? null : median };
    }),
  };
}

export function networkPathway(covered: Covered, byCenter: boolean): NetworkPathway[] {
  const all = [...covered.indices];
  if (!byCenter) return [pathwayOf(covered, all, null)];
  const groups = new Map<string, number[]>();
  for (const i of all) {
    const center = covered.population.centerId[i];
    let group = groups.get(center);
    if (!group) groups.set(center, (group = []));
    group.push(i);
  }
  const pathways = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([center, group]) => pathwayOf(covered, group, center));
  // Across centers, each stage's counts are one more table whose margin is the everyone figure.
  for (const field of ["reached", "wentOn"] as const) {
    CHAIN.forEach((_, s) => {
      const cells = pathways.map((pw) => pw.stages[s][field]);
      const counts = cells.map((c) => c.count ?? 0);
      const hidden = suppress(counts.map((count, k) => ({ keys: [String(k)], count: cells[k].suppressed ? Math.min(count, 0) : count })), covered.threshold);
      cells.forEach((c, k) => {
        if (hidden[k] && !c.suppressed) {
          c.count = null;
          c.suppressed = true;
          if (field === "wentOn") pathways[k].stages[s].medianDaysToNext = null;
        }
      });
    });
  }
  return pathways;
}

function figures(outcomes: Outcomes, positions: Iterable<number>, threshold: number): ReformFigures & { raw: Sums } {
  const s = sums(outcomes, positions);
  const eligible = split([s.eligible, outcomes.track.length - s.eligible], threshold)[0];
  return { eligible, byTrack: tracksOf(s, threshold, eligible.suppressed), monthlyBenefits: eligible.suppressed ? null : s.monthly, totalBenefits: eligible.suppressed ? null : s.total, raw: s };
}

/** Baseline and reform for every program the changes touch, over the persons covered. */
export async function reform(covered: Covered, changes: ParameterChangeValue[], progress?: Progress): Promise<ReformResult> {
  const overrides = parameterOverrides(changes);
  const evaluatedOn = evaluationDate(covered, latestChange(changes));
  const programs = [...new Set(changes.map((c) => c.program))].sort();
  const total = programs.length * 2 * covered.indices.length;
  let done = 0;
  const answers: ProgramReform[] = [];
  for (const program of programs) {
    const own = new Set(PROGRAMS[program].parameters.all());
    const mine = overrides.filter((o) => own.has(o.parameter));
    const step = (n: number) => progress?.(done + n, total);
    // Current law on that date is the snapshot's own when kept (or when covering everyone, kept from now on).
    const before = await currentLaw(program, covered.population, covered.indices, evaluatedOn, step);
    done += covered.indices.length;
    const after = await evaluatePrograms(program, covered.population, covered.indices, evaluatedOn, mine, step);
    done += covered.indices.length;
    const positions = Array.from({ length: covered.indices.length }, (_, k) => k);
    const b = figures(before, positions, covered.threshold);
    const r = figures(after, positions, covered.threshold);
    let gaining = 0;
    let losing = 0;
    for (const k of positions) {
      if (!before.track[k] && after.track[k]) gaining++;
      if (before.track[k] && !after.track[k]) losing++;
    }
    const rest = covered.indices.length - gaining - losing;
    const [gain, lose] = split([gaining, losing, rest], covered.threshold);
    const bothShown = !b.eligible.suppressed && !r.eligible.suppressed;
    const { raw: rb, ...baseline } = b;
    const { raw: rr, ...reformed } = r;
    answers.push({
      program,
      baseline,
      reform: reformed,
      eligibleDifference: bothShown ? rr.eligible - rb.eligible : null,
      gaining: gain,
      losing: lose,
      monthlyBenefitsDifference: bothShown ? rr.monthly - rb.monthly : null,
      totalBenefitsDifference: bothShown ? rr.total - rb.total : null,
    });
  }
  return { evaluatedOn, programs: answers };
}

