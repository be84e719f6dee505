/**
 * The Mid-Career Employment Network's case view: how far along the chain career design -> training
 * -> work experience -> placement the person has come, and the next step open to them.
 * Source: the Ministry of Employment and Labor's announcements of the Mid-Career Employment Network (중장년고용네트워크).
 */
import { Field, ObjectType, Directive, Extensions } from "type-graphql";
import { PERSONAL_EVENT_DATE } from "../kit/security/personal-dates";
import { DateScalar } from "../kit/scalars";
import { NetworkStage, Program, type ProgramEligibility, type ProgramEvent } from "../kit/eligibility";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PERSONAL_DATA)
@ObjectType({ description: "The person's place in the Mid-Career Employment Network's chain of support, and what comes next." })
export class NetworkCase {
  @Field(() => NetworkStage, { nullable: true, description: "The furthest stage reached; null when none yet." })
  stage!: NetworkStage | null;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { nullable: true, description: "When that stage was first reached." })
  reachedOn!: string | null;

  @Field(() => [NetworkStage], { description: "Every stage reached so far, in chain order." })
  stagesReached!: NetworkStage[];

  @Field(() => NetworkStage, { nullable: true, description: "The next stage of the chain; null after placement." })
  nextStage!: NetworkStage | null;

  @Field(() => Program, { nullable: true, description: "The program that offers the next step and for which the person is eligible today, if any." })
  nextProgram!: Program | null;

  @Field(() => String, { description: "The next step, in plain words for the counsellor and the person." })
  nextStep!: string;
}

export const CHAIN: NetworkStage[] = [NetworkStage.CAREER_DESIGN, NetworkStage.TRAINING, NetworkStage.WORK_EXPERIENCE, NetworkStage.PLACEMENT];

/** For each next stage: the programs that offer it, in order of preference, and what to say. */
const NEXT: Record<NetworkStage, { programs: Program[]; step: string }> = {
  [NetworkStage.CAREER_DESIGN]: {
    programs: [Program.JOB_SEARCH_GUARANTEE, Program.NATIONAL_EMPLOYMENT_SUPPORT],
    step: "Book a lifetime career design session (생애경력설계) at the Mid-Career Tomorrow Center, or in-depth career counselling.",
  },
  [NetworkStage.TRAINING]: {
    programs: [Program.LEARNING_CARD],
    step: "Choose training for the new field and pay for it with the Tomorrow Learning Card.",
  },
  [NetworkStage.WORK_EXPERIENCE]: {
    programs: [Program.MID_CAREER_SUPPORT],
    step: "Apply for a work experience placement of a few months in the new field (Mid-Career Career Support Program; its length is in eligibilityRules).",
  },
  [NetworkStage.PLACEMENT]: {
    programs: [Program.JOB_SEARCH_GUARANTEE, Program.NATIONAL_EMPLOYMENT_SUPPORT],
    step: "Tailored job placement support: CV clinic, interview coaching, job fairs and employer incentives.",
  },
};

export function networkCase(events: ProgramEvent[], eligibility: ProgramEligibility[]): NetworkCase {
  const firstReached = new Map<NetworkStage, string>();
  for (const event of [...events].sort((a, b) => a.date.localeCompare(b.date))) {
    if (event.networkStage && !firstReached.has(event.networkStage)) firstReached.set(event.networkStage, event.date);
  }
  const stagesReached = CHAIN.filter((stage) => firstReached.has(stage));
  const stage = stagesReached.at(-1) ?? null;
  const nextStage = stage === null ? CHAIN[0] : (CHAIN[CHAIN.indexOf(stage) + 1] ?? null);
  if (nextStage === null) {
    return { stage, reachedOn: firstReached.get(stage!) ?? null, stagesReached, nextStage, nextProgram: null, nextStep: "Placed: follow up for 3 months and check the employer incentives." };
  }
  const eligible = new Set(eligibility.filter((e) => e.eligible).map((e) => e.program));
  const { programs, step } = NEXT[nextStage];
  const nextProgram = programs.find((p) => eligible.has(p)) ?? null;
  return {
    stage,
    reachedOn: stage ? firstReached.get(stage)! : null,
    stagesReached,
    nextStage,
    nextProgram,
    nextStep: nextProgram ? step : `${step} (Not eligible today for ${programs.join(" or ")}: see eligibilitySummary for the reasons.)`,
  };
}
