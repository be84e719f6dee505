/** NationalEmploymentSupportRecord.eligibility / currentEligibility / events: the NESS rules fed with the person's own enrollments. */
import { programRecordResolver } from "../kit/program-record";
import { NetworkStage, Program, type ProgramEvent } from "../kit/eligibility";
import { NationalEmploymentSupportRecord } from "./record";
import { evaluateNess } from "./rules/evaluate";
import type { NessHistory } from "./rules/rules";
import { closedOn, enrollmentsByPerson, paymentsByPerson, type EnrollmentRow } from "./store";

const TRACK_WORDS: Record<EnrollmentRow["track_route"], string> = {
  SCREENED: "Type I, screened (요건심사형)",
  SELECTED: "Type I, selected (선발형)",
  YOUTH: "Type II, youth (청년)",
  MID_CAREER: "Type II, mid-career (중장년)",
};

export const NessEligibilityResolver = programRecordResolver<NessHistory>(NationalEmploymentSupportRecord, {
  async history(ctx, personId, asOf) {
    const enrollments = await ctx.loaders.get(enrollmentsByPerson).load(personId);
    const open = enrollments.find((e) => {
      const closed = closedOn(e);
      return e.applied_on <= asOf && (closed === null || closed > asOf);
    });
    return { activeEnrollmentId: open?.id ?? null };
  },
  evaluate: evaluateNess,
  async events(ctx, personId) {
    const [enrollments, payments] = await Promise.all([
      ctx.loaders.get(enrollmentsByPerson).load(personId),
      ctx.loaders.get(paymentsByPerson).load(personId),
    ]);
    const program = Program.NATIONAL_EMPLOYMENT_SUPPORT;
    const events: ProgramEvent[] = [];
    for (const e of enrollments) {
      events.push({ program, date: e.applied_on, kind: "NESS_APPLIED", description: `Applied for ${TRACK_WORDS[e.track_route]} at ${e.center_id}.`, networkStage: null });
      if (e.decided_on) {
        const rejected = e.status === "REJECTED";
        events.push({
          program, date: e.decided_on, kind: rejected ? "NESS_REJECTED" : "NESS_ACCEPTED",
          description: rejected ? "Found not eligible." : "Found eligible.", networkStage: null,
        });
      }
      if (e.iap_set_on) {
        events.push({
          program, date: e.iap_set_on, kind: "NESS_IAP_SET",
          description: "Individual Action Plan (취업활동계획) set with the counsellor.", networkStage: NetworkStage.CAREER_DESIGN,
        });
      }
      const closed = closedOn(e);
      if (closed && e.status !== "REJECTED") {
        events.push({
          program, date: closed, kind: `NESS_${e.status}`,
          description: e.status === "DROPPED" ? "Left the program early." : "Completed the services and follow-up.", networkStage: null,
        });
      }
    }
    for (const p of payments.filter((row) => row.kind === "SUCCESS_ALLOWANCE")) {
      events.push({
        program, date: p.paid_on, kind: "NESS_SUCCESS_ALLOWANCE",
        description: `Employment success allowance (취업성공수당) paid after ${p.month_number} months in a job.`, networkStage: NetworkStage.PLACEMENT,
      });
    }
    return events;
  },
});
