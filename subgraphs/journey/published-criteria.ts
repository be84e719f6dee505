/**
 * Published criteria (PIPA Art. 37-2: the criteria of automated decisions are published): every
 * rule of a program, its description, source, and the parameters in force on a date. The rules are
 * code, read from the program subgraphs' folders; no data of any program is read.
 */
import { Directive, Field, ObjectType } from "type-graphql";
import { PUBLIC_DATA } from "../kit/cache-control";
import { PARTNER } from "../kit/security/contract";
import { DateScalar } from "../kit/scalars";
import { Program } from "../kit/eligibility";
import { publishRules, type PublishedRule } from "../kit/rules/evaluation";
import type { ParameterSet } from "../kit/rules/parameters";
import type { RuleDefinition } from "../kit/rules/rule";
import { NESS_RULES } from "../employment-support/rules/rules";
import { nessParameters, NESS_FORMULAS_VERSION } from "../employment-support/rules/evaluate";
import { GUARANTEE_RULES } from "../job-search-guarantee/rules/rules";
import { guaranteeParameters, GUARANTEE_FORMULAS_VERSION } from "../job-search-guarantee/rules/evaluate";
import { MID_CAREER_RULES } from "../mid-career/rules/rules";
import { midCareerParameters, MID_CAREER_FORMULAS_VERSION } from "../mid-career/rules/evaluate";
import { LEARNING_CARD_RULES } from "../learning-card/rules/rules";
import { learningCardParameters, LEARNING_CARD_FORMULAS_VERSION } from "../learning-card/rules/evaluate";

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
}

const RULE_SETS: Record<Program, { rules: RuleDefinition<any>[]; parameters: ParameterSet; version: string }> = {
  [Program.NATIONAL_EMPLOYMENT_SUPPORT]: { rules: NESS_RULES, parameters: nessParameters, version: NESS_FORMULAS_VERSION },
  [Program.JOB_SEARCH_GUARANTEE]: { rules: GUARANTEE_RULES, parameters: guaranteeParameters, version: GUARANTEE_FORMULAS_VERSION },
  [Program.MID_CAREER_SUPPORT]: { rules: MID_CAREER_RULES, parameters: midCareerParameters, version: MID_CAREER_FORMULAS_VERSION },
  [Program.LEARNING_CARD]: { rules: LEARNING_CARD_RULES, parameters: learningCardParameters, version: LEARNING_CARD_FORMULAS_VERSION },
};

export function publishedCriteria(program: Program, asOf: string): ProgramRules {
  const set = RULE_SETS[program];
  return { program, asOf, rulesVersion: set.parameters.version(set.version), rules: publishRules(set.rules, set.parameters, asOf) };
}
