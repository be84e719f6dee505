/** rulesVersion follows the content of the parameters and the rules: any changed figure or source changes it. */
import { describe, expect, it } from "vitest";
import { ParameterSet } from "../../subgraphs/kit/rules/parameters";
import { NESS_RULE_SET, nessParameters } from "../../subgraphs/employment-support/rules/evaluate";

const copy = (change: (name: string, values: [string, any][]) => [string, any][]) =>
  new ParameterSet("ness", nessParameters.all().map((p) => ({ ...p, values: change(p.name, p.values) })));

describe("rulesVersion", () => {
  const version = nessParameters.version(NESS_RULE_SET.ruleSources);

  it("is the same for the same content", () => {
    expect(copy((_, v) => v).version(NESS_RULE_SET.ruleSources)).toBe(version);
  });

  it("changes when a figure changes, even without a new date", () => {
    const changed = copy((name, v) => (name === "type1-work-days" ? [["2021-01-01", 101]] : v));
    expect(changed.version(NESS_RULE_SET.ruleSources)).not.toBe(version);
    expect(changed.version(NESS_RULE_SET.ruleSources).split("+")[0]).toBe(version.split("+")[0]);
  });

  it("changes when the rules' code differs", () => {
    expect(nessParameters.version(NESS_RULE_SET.ruleSources.slice(1))).not.toBe(version);
  });
});
