/** Rule shapes several programs share: an age range, a minimum age, and "unemployed" (under N hours a week counts). */
import { defineRule, type RuleDefinition } from "./rule";
import { isUnemployed, type RuleInput } from "./evaluation";

/** Aged between the two parameters, both included. */
export function ageRangeRule(id: string, description: string, minParameter: string, maxParameter: string, source: string): RuleDefinition<RuleInput<any>> {
  return defineRule<RuleInput<any>>({
    id,
    description,
    parameters: [minParameter, maxParameter],
    observedKind: "age",
    source,
    evaluate({ age }, p, asOf) {
      const min = p.at(minParameter, asOf);
      const max = p.at(maxParameter, asOf);
      const passed = age >= min && age <= max;
      return { passed, observed: String(age), threshold: `${min}-${max}`, description: `Age ${age} is ${passed ? "within" : "outside"} ${min}-${max}.` };
    },
  });
}

/** Aged at least the parameter. */
export function minimumAgeRule(id: string, description: string, parameter: string, source: string): RuleDefinition<RuleInput<any>> {
  return defineRule<RuleInput<any>>({
    id,
    description,
    parameters: [parameter],
    source,
    observedKind: "age",
    evaluate({ age }, p, asOf) {
      const min = p.at(parameter, asOf);
      const passed = age >= min;
      return { passed, observed: String(age), threshold: `at least ${min}`, description: passed ? `Age ${age} is at least ${min}.` : `Age ${age} is under ${min}.` };
    },
  });
}

/** Not working, or working fewer hours a week than the `unemployed-weekly-hours` parameter. */
export function unemployedRule(id: string, description: string, source: string): RuleDefinition<RuleInput<any>> {
  return defineRule<RuleInput<any>>({
    id,
    description,
    parameters: ["unemployed-weekly-hours"],
    observedKind: "count",
    source,
    evaluate({ person }, p, asOf) {
      const hours = p.at("unemployed-weekly-hours", asOf);
      const passed = isUnemployed(person, hours);
      return {
        passed,
        observed: `${person.employment.status}, ${person.employment.weeklyWorkHours} h/week`,
        threshold: `UNEMPLOYED or under ${hours} h/week`,
        description: passed ? "Counts as unemployed." : `Works ${person.employment.weeklyWorkHours} hours a week as ${person.employment.status}.`,
      };
    },
  });
}
