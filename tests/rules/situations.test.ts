/** Every rule situation of subgraphs/<program>/rules/tests/*.yaml, run against the rules directly (no stack). */
import { describe, expect, it } from "vitest";
import { loadSituations, run, type Situation } from "./situations";

const situations = loadSituations();
const byFile = new Map<string, Situation[]>();
for (const s of situations) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);

describe("rule situations", () => {
  it("are there, with unique names", () => {
    expect(situations.length).toBeGreaterThan(100);
    expect(new Set(situations.map((s) => `${s.file} ${s.name}`)).size).toBe(situations.length);
  });
});

for (const [file, list] of byFile) {
  describe(file, () => {
    for (const s of list) {
      it(`${s.name} (${s.date})`, () => {
        const want = s.expect;
        if (want.error) {
          let caught: any;
          try {
            run(s);
          } catch (error) {
            caught = error;
          }
          expect(caught?.extensions?.code).toBe("BAD_USER_INPUT");
          expect(caught?.extensions?.argumentName).toBe(want.error);
          return;
        }
        const answer = run(s);
        if (want.eligible !== undefined) expect(answer.eligible).toBe(want.eligible);
        if (want.track !== undefined) expect(answer.track).toBe(want.track);
        if (want.failing) expect(answer.reasons.filter((r) => !r.passed).map((r) => r.rule).sort()).toEqual([...want.failing].sort());
        for (const [rule, passed] of Object.entries(want.rules ?? {})) {
          expect(answer.reasons.find((r) => r.rule === rule), rule).toMatchObject({ passed });
        }
        for (const [rule, fields] of Object.entries(want.reasons ?? {})) {
          const reason = answer.reasons.find((r) => r.rule === rule)!;
          expect(reason, rule).toBeDefined();
          const { descriptionContains, ...exact } = fields;
          expect(reason).toMatchObject(exact);
          if (descriptionContains) expect(reason.description).toContain(descriptionContains);
        }
        if (Array.isArray(want.benefits)) expect(answer.benefits).toEqual([]);
        else if (want.benefits) {
          expect(answer.benefits.map((b) => b.kind).sort()).toEqual(Object.keys(want.benefits).sort());
          for (const [kind, fields] of Object.entries(want.benefits)) {
            const benefit = answer.benefits.find((b) => b.kind === kind)!;
            const { descriptionContains, ...exact } = fields;
            expect(benefit).toMatchObject(exact);
            if (descriptionContains) expect(benefit.description).toContain(descriptionContains);
          }
        }
        for (const [name, used] of Object.entries(want.parametersUsed ?? {})) {
          expect(answer.parametersUsed.filter((u) => u.name === name)).toEqual([{ name, ...used }]);
        }
      });
    }
  });
}
