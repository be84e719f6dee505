/** JobSearchGuaranteeRecord.eligibility / currentEligibility / events: the package's rules fed with its own history. */
import { programRecordResolver } from "../kit/program-record";
import { NetworkStage, Program } from "../kit/eligibility";
import { JobSearchGuaranteeRecord } from "./record";
import { evaluateGuarantee } from "./rules/evaluate";
import type { GuaranteeHistory } from "./rules/rules";
import { participationsByPerson, phasesByPerson, placementsByPerson } from "./store";

const PHASE_STAGE: Record<string, NetworkStage | null> = {
  DIAGNOSIS: null,
  CAREER_DESIGN: NetworkStage.CAREER_DESIGN,
  JOB_SUPPORT: null,
};

export const GuaranteeEligibilityResolver = programRecordResolver<GuaranteeHistory>(JobSearchGuaranteeRecord, {
  async history(ctx, personId, asOf) {
    const participations = await ctx.loaders.get(participationsByPerson).load(personId);
    const active = participations.find((p) => p.started_on <= asOf && (p.ended_on === null || p.ended_on >= asOf) && p.status === "ACTIVE");
    return { activeParticipationId: active?.id ?? null };
  },
  evaluate: evaluateGuarantee,
  async events(ctx, personId) {
    const [participations, phases, placements] = await Promise.all([
      ctx.loaders.get(participationsByPerson).load(personId),
      ctx.loaders.get(phasesByPerson).load(personId),
      ctx.loaders.get(placementsByPerson).load(personId),
    ]);
    const program = Program.JOB_SEARCH_GUARANTEE;
    return [
      ...participations.flatMap((p) => [
        { program, date: p.started_on, kind: "GUARANTEE_STARTED", description: `Joined the package at ${p.center_id}.`, networkStage: null },
        ...(p.ended_on ? [{ program, date: p.ended_on, kind: `GUARANTEE_${p.status}`, description: `Participation ${p.status.toLowerCase()}.`, networkStage: null }] : []),
      ]),
      ...phases.map((ph) => ({
        program,
        date: ph.started_on,
        kind: `GUARANTEE_${ph.phase}`,
        description: `${ph.phase.replace("_", " ").toLowerCase()} phase: ${ph.note}`,
        networkStage: PHASE_STAGE[ph.phase] ?? null,
      })),
      ...placements.map((pl) => ({
        program,
        date: pl.started_on,
        kind: "JOB_PLACEMENT",
        description: `Placed at ${pl.employer} (${pl.industry}).`,
        networkStage: NetworkStage.PLACEMENT,
      })),
    ];
  },
});
