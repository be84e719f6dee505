/**
 * Published criteria (PIPA Art. 37-2: the criteria of automated decisions are published): every
 * rule of a program, its description, source, and the parameters in force on a date. The rules are
 * code, read from the program subgraphs' folders; no data of any program is read.
 */
import { Directive, Field, ObjectType } from "type-graphql";
import { PUBLIC_DATA } from "../../platform/cache-control";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";
import { Program } from "../kit/eligibility";
import { PROGRAM_SUBGRAPHS } from "../../platform/subgraphs";
import { publishCriteria, type PublishedBenefit, type PublishedRule, type ProgramRuleSet, type TrackDefinition } from "../kit/rules/evaluation";

@Directive(PARTNER)
@Directive(PUBLIC_DATA)
@ObjectType({ description: "A parameter of a rule, as in force on the date asked." })
export class RuleParameter {
  @Field(() => String, { description: "Parameter name, e.g. type1-income-percent." })
  name!: string;
  @Field(() => String, { description: "What the parameter is." })
  description!: string;
  @Field(() => String, { description: "Unit of the value." })
  unit!: string;
  @Field(() => String, { description: "The value in force (numbers as plain digits; lists and tables as JSON)." })
  value!: string;
  @Field(() => DateScalar, { description: "The date this value took effect." })
  effectiveFrom!: string;
  @Field(() => String, { description: "Where the value comes from." })
  reference!: string;
  @Field(() => String, { description: "Confidence of the source: O official, N news, S secondary, or assumption." })
  confidence!: string;
}

@Directive(PARTNER)
@Directive(PUBLIC_DATA)
@ObjectType({ description: "A published eligibility criterion of a program." })
export class EligibilityRule {
  @Field(() => String, { description: "Stable rule id, e.g. ness.type1.household-income." })
  rule!: string;
  @Field(() => String, { description: "The criterion in plain words." })
  description!: string;
  @Field(() => String, { description: "Where the rule comes from." })
  source!: string;
  @Field(() => [RuleParameter], { description: "The parameters the rule reads, with their values in force." })
  parameters!: RuleParameter[];
}

@Directive(PARTNER)
@Directive(PUBLIC_DATA)
@ObjectType({ description: "A benefit of a program, as published: what it is and the figures it is computed from." })
export class BenefitCriterion {
  @Field(() => String, { description: "Kind of benefit, as in Benefit.kind (e.g. JOB_SEEKING_ALLOWANCE)." })
  kind!: string;
  @Field(() => String, { description: "How the benefit is computed, in plain words." })
  description!: string;
  @Field(() => [RuleParameter], { description: "The figures it is computed from, with their values in force." })
  parameters!: RuleParameter[];
}

@Directive(PARTNER)
@Directive(PUBLIC_DATA)
@ObjectType({ description: "How a program chooses a track: tracks are tried in this order and the first that passes is the answer." })
export class TrackCriterion {
  @Field(() => String, { description: "The track, as in ProgramEligibility.track." })
  track!: string;
  @Field(() => String, { description: "When a person is on this track, in plain words." })
  description!: string;
  @Field(() => [String], { description: "The rules it combines (ids of EligibilityRule.rule)." })
  rules!: string[];
}

@Directive(PARTNER)
@Directive(PUBLIC_DATA)
@ObjectType({ description: "The published criteria of one program on a date." })
export class ProgramRules {
  @Field(() => Program, { description: "The program." })
  program!: Program;
  @Field(() => String, { description: "Version of the rule set and parameters." })
  rulesVersion!: string;
  @Field(() => DateScalar, { description: "The date the criteria are given for." })
  asOf!: string;
  @Field(() => [EligibilityRule], { description: "Every rule, in the order it is evaluated." })
  rules!: PublishedRule[];
  @Field(() => [BenefitCriterion], { description: "The benefits and the figures they are computed from (PIPA Art. 37-2)." })
  benefits!: PublishedBenefit[];
  @Field(() => [TrackCriterion], { description: "How the track is chosen, in the order tried." })
  tracks!: TrackDefinition[];
}

/** Every program's rule set, from its folder (subgraphs/<name>/rules/evaluate.ts exports it as `ruleSet`). */
const RULE_SETS = Object.fromEntries(
  await Promise.all(
    PROGRAM_SUBGRAPHS.map(async (s) => {
      const rules: { ruleSet?: ProgramRuleSet } = await import(`../${s.name}/rules/evaluate.ts`);
      if (!rules.ruleSet) throw new Error(`subgraphs/${s.name}/rules/evaluate.ts exports no ruleSet`);
      return [s.program.value, rules.ruleSet] as const;
    }),
  ),
) as Record<Program, ProgramRuleSet>;

export function publishedCriteria(program: Program, asOf: string): ProgramRules {
  return { program, asOf, ...publishCriteria(RULE_SETS[program], asOf) };
}
