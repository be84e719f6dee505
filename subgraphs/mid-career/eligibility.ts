/** MidCareerSupportRecord.eligibility / currentEligibility / events: the program's rules fed with its own history. */
import { programRecordResolver } from "../kit/program-record";
import { NetworkStage, Program } from "../kit/eligibility";
import { MidCareerSupportRecord } from "./record";
import { evaluateMidCareer } from "./rules/evaluate";
import type { MidCareerHistory } from "./rules/rules";
import { placementsByPerson, sessionsByPerson } from "./store";

export const MidCareerEligibilityResolver = programRecordResolver<MidCareerHistory>(MidCareerSupportRecord, {
  async history(ctx, personId, asOf) {
    const placements = await ctx.loaders.get(placementsByPerson).load(personId);
    const previous = placements.find((p) => p.status !== "DROPPED" && p.started_on <= asOf);
    return { previousPlacementId: previous?.id ?? null };
  },
  evaluate: evaluateMidCareer,
  async events(ctx, personId) {
    const [sessions, placements] = await Promise.all([
      ctx.loaders.get(sessionsByPerson).load(personId),
      ctx.loaders.get(placementsByPerson).load(personId),
    ]);
    const program = Program.MID_CAREER_SUPPORT;
    return [
      ...sessions.map((s) => ({
        program, date: s.held_on, kind: "CAREER_DESIGN_SESSION",
        description: `${s.kind.replace(/_/g, " ").toLowerCase()} session (${s.hours} h) at ${s.provider}.`,
        networkStage: NetworkStage.CAREER_DESIGN,
      })),
      ...placements.flatMap((p) => p.status === "PLANNED" ? [] : [
        { program, date: p.started_on, kind: "WORK_EXPERIENCE_STARTED", description: `Work experience at ${p.host_company} (${p.industry}).`, networkStage: NetworkStage.WORK_EXPERIENCE },
        ...(p.status === "COMPLETED" || p.status === "DROPPED"
          ? [{ program, date: p.ended_on, kind: `WORK_EXPERIENCE_${p.status}`, description: `Work experience ${p.status.toLowerCase()}.`, networkStage: null }]
          : []),
      ]),
    ];
  },
});
