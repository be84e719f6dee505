/**
 * What a trainee pays of a course's tuition, and the training allowance, from the dated parameters:
 * general trainees pay by the course's 3-year placement rate (self-payment-bands); NESS Type I
 * participants pay ness-type1-self-payment-percent; key-industry courses cap the share in percent
 * and in KRW (key-industry-self-payment).
 */
import type { ParameterSet } from "../../kit/rules/parameters";
import { learningCardParameters } from "./parameters";

export interface CourseTerms {
  placement_rate: number;
  key_industry: boolean;
}

/** Percent of the tuition the trainee pays (before the key-industry cap in KRW). */
export function selfPaymentRate(course: CourseTerms, on: string, nessTypeI = false, p: ParameterSet = learningCardParameters): number {
  if (nessTypeI) return p.at("ness-type1-self-payment-percent", on);
  const bands = Object.entries(p.at<Record<string, number>>("self-payment-bands", on))
    .map(([minimum, percent]) => [Number(minimum), percent] as const)
    .sort(([a], [b]) => b - a);
  const banded = bands.find(([minimum]) => course.placement_rate >= minimum)![1];
  const [keyMaxPercent] = p.at<number[]>("key-industry-self-payment", on);
  return course.key_industry ? Math.min(banded, keyMaxPercent) : banded;
}

/** The trainee's share of the tuition in whole KRW; the rest is charged to the card. */
export function selfPaymentFor(course: CourseTerms & { tuition: number }, on: string, nessTypeI = false, p: ParameterSet = learningCardParameters): number {
  const share = Math.round((course.tuition * selfPaymentRate(course, on, nessTypeI, p)) / 100);
  const [, keyCap] = p.at<number[]>("key-industry-self-payment", on);
  return course.key_industry ? Math.min(share, keyCap) : share;
}

/** The training allowance for a month: a day's amount per training day, at most the month's, with enough attendance. */
export function trainingAllowance(days: number, attendancePercent: number, keyIndustry: boolean, on: string, p: ParameterSet = learningCardParameters): number {
  if (attendancePercent < p.at("training-allowance-attendance-percent", on)) return 0;
  const [daily, monthly] = p.at<number[]>(keyIndustry ? "key-industry-training-allowance" : "training-allowance", on);
  return Math.min(days * daily, monthly);
}
