/**
 * Population statistics through the gateway, checked against the person-level view: every person
 * paged through `persons` by a counsellor of every center, who sees what the rules see (each
 * program's own eligibility answer with its amounts, records and the journey's networkCase), and
 * counted here. The statistics are asked by the same counsellor: an analyst's go by the
 * month and ages by the year (statistics-dates.test.ts). Suppression, refusals, who may ask, reform input, and the
 * aggregate access record.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { graphql, NETWORK_COUNSELLOR, skipReason, type As } from "../setup/graphql";
import { syntheticPersons } from "../../subgraphs/kit/synthetic/person";
import { ageOn, todayInKorea } from "../../platform/dates";
import { incomeBand } from "../../subgraphs/kit/bands";
import { INTERNAL_TOKEN_HEADER, internalTokenSigner } from "../../platform/security/internal-token";
import type { Caller } from "../../platform/security/caller";

const ANALYST: As = { role: "analyst", sub: "analyst-statistics" };
const THRESHOLD = 10;
const asOf = todayInKorea();
const PROGRAMS = ["NATIONAL_EMPLOYMENT_SUPPORT", "JOB_SEARCH_GUARANTEE", "MID_CAREER_SUPPORT", "LEARNING_CARD"] as const;
const FIELD = { NATIONAL_EMPLOYMENT_SUPPORT: "nationalEmploymentSupport", JOB_SEARCH_GUARANTEE: "jobSearchGuarantee", MID_CAREER_SUPPORT: "midCareerSupport", LEARNING_CARD: "learningCard" } as const;

interface Seen {
  region: string; center: string; ageBand: string; status: string; incomeBand: string; programs: string[];
  eligibility: Record<string, { eligible: boolean; track: string | null; monthly: number; total: number }>;
  stagesReached: string[];
}

const eligibilityFields = `eligibility(asOf: "${asOf}") { eligible track benefits { amountPerMonth total } reasons { rule passed } }`;
const PAGE = `query($after: String) { persons(first: 100, after: $after) {
  edges { node { age region center { id } employment { status } household { incomeBand }
    nationalEmploymentSupport { ${eligibilityFields} }
    jobSearchGuarantee { participations { startedOn endedOn } ${eligibilityFields} }
    midCareerSupport { workExperiencePlacements { status startedOn endedOn } ${eligibilityFields} }
    learningCard { card { issuedOn expiresOn status } ${eligibilityFields} }
    networkCase { stagesReached } } }
  pageInfo { hasNextPage endCursor } } }`;

/** The person-level view, paged by a counsellor of every center without `statistics`. */
async function personLevelView(): Promise<Seen[]> {
  const seen: Seen[] = [];
  let after: string | null = null;
  for (;;) {
    const { data, errors }: { data?: any; errors?: unknown } = await graphql(PAGE, { after }, { as: NETWORK_COUNSELLOR });
    expect(errors).toBeUndefined();
    for (const { node: n } of data.persons.edges) {
      const within = (from: string, to: string | null) => from <= asOf && (to === null || to >= asOf);
      const ness = n.nationalEmploymentSupport.eligibility.reasons.find((r: any) => r.rule === "ness.no-active-enrollment");
      const card = n.learningCard.card;
      const programs = [
        ...(ness.passed ? [] : ["NATIONAL_EMPLOYMENT_SUPPORT"]),
        ...(n.jobSearchGuarantee.participations.some((x: any) => within(x.startedOn, x.endedOn)) ? ["JOB_SEARCH_GUARANTEE"] : []),
        ...(n.midCareerSupport.workExperiencePlacements.some((x: any) => x.status !== "PLANNED" && within(x.startedOn, x.endedOn)) ? ["MID_CAREER_SUPPORT"] : []),
        ...(card && card.status !== "SUSPENDED" && within(card.issuedOn, card.expiresOn) ? ["LEARNING_CARD"] : []),
      ];
      const band = Math.floor(n.age / 10) * 10;
      seen.push({
        region: n.region, center: n.center.id, ageBand: `${band}-${band + 9}`, status: n.employment.status, incomeBand: n.household.incomeBand,
        programs: programs.length ? programs : ["NONE"],
        eligibility: Object.fromEntries(PROGRAMS.map((p) => {
          const e = n[FIELD[p]].eligibility;
          const sum = (k: "amountPerMonth" | "total") => e.benefits.reduce((s: number, b: any) => s + (b[k] ?? 0), 0);
          return [p, { eligible: e.eligible, track: e.track, monthly: sum("amountPerMonth"), total: sum("total") }];
        })),
        stagesReached: n.networkCase.stagesReached,
      });
    }
    if (!data.persons.pageInfo.hasNextPage) return seen;
    after = data.persons.pageInfo.endCursor;
  }
}

const countBy = (rows: Seen[], keys: (s: Seen) => string[][]) => {
  const counts = new Map<string, number>();
  for (const row of rows) for (const k of keys(row)) counts.set(k.join("|"), (counts.get(k.join("|")) ?? 0) + 1);
  return counts;
};

const VALUE: Record<string, (s: Seen) => string[]> = {
  REGION: (s) => [s.region], CENTER: (s) => [s.center], AGE_BAND: (s) => [s.ageBand], EMPLOYMENT_STATUS: (s) => [s.status],
  INCOME_BAND: (s) => [s.incomeBand], PROGRAM: (s) => s.programs,
};
const combos = (by: string[]) => (s: Seen) => by.reduce<string[][]>((acc, d) => acc.flatMap((c) => VALUE[d](s).map((v) => [...c, v])), [[]]);

/** Every cell as the oracle counts it; small cells suppressed; no lone suppressed cell in a line. */
function expectAgrees(cells: any[], oracle: Map<string, number>, dimensions: number) {
  expect(new Set(cells.map((c) => c.keys.map((k: any) => k.value).join("|")))).toEqual(new Set(oracle.keys()));
  for (const cell of cells) {
    const truth = oracle.get(cell.keys.map((k: any) => k.value).join("|"))!;
    if (truth < THRESHOLD) expect(cell).toMatchObject({ count: null, suppressed: true });
    else if (!cell.suppressed) expect(cell.count).toBe(truth);
    else expect(cell.count).toBeNull();
  }
  for (let d = 0; d < dimensions; d++) {
    const lines = new Map<string, number>();
    for (const cell of cells) {
      const rest = cell.keys.filter((_: any, k: number) => k !== d).map((k: any) => k.value).join("|");
      if (cell.suppressed) lines.set(rest, (lines.get(rest) ?? 0) + 1);
      else lines.set(rest, lines.get(rest) ?? 0);
    }
    for (const [line, suppressed] of lines) {
      const lineCells = cells.filter((c) => c.keys.filter((_: any, k: number) => k !== d).map((k: any) => k.value).join("|") === line);
      if (lineCells.length > 1) expect(suppressed, `line ${line} of dimension ${d} has a lone suppressed cell`).not.toBe(1);
    }
  }
}

describe.skipIf(skipReason())("population statistics", () => {
  let seen: Seen[];
  beforeAll(async () => {
    seen = await personLevelView();
  }, 240_000);

  it("counts the persons the person-level view lists", async () => {
    const { data, errors } = await graphql(`{ statistics { persons } }`, undefined, { as: ANALYST });
    expect(errors).toBeUndefined();
    expect(data.statistics.persons).toBe(inject("testPersons"));
    expect(seen).toHaveLength(inject("testPersons"));
  });

  it.each(Object.keys(VALUE))("breaks down by %s as the person-level view counts it, small cells suppressed", async (dimension) => {
    const { data, errors } = await graphql(`{ statistics(asOf: "${asOf}") { breakdown(by: [${dimension}]) { keys { dimension value } count suppressed } } }`, undefined, { as: NETWORK_COUNSELLOR });
    expect(errors).toBeUndefined();
    expect(data.statistics.breakdown.every((c: any) => c.keys[0].dimension === dimension)).toBe(true);
    expectAgrees(data.statistics.breakdown, countBy(seen, combos([dimension])), 1);
  });

  it("breaks down by REGION x AGE_BAND with secondary suppression in every row and column", async () => {
    const { data } = await graphql(`{ statistics(asOf: "${asOf}") { breakdown(by: [REGION, AGE_BAND]) { keys { value } count suppressed } } }`, undefined, { as: NETWORK_COUNSELLOR });
    const cells = data.statistics.breakdown;
    expectAgrees(cells, countBy(seen, combos(["REGION", "AGE_BAND"])), 2);
    expect(cells.some((c: any) => c.suppressed)).toBe(true);
  });

  it.each(PROGRAMS)("%s: eligible by track, take-up and benefits as each person's eligibility says", async (program) => {
    const { data, errors } = await graphql(`{ statistics(asOf: "${asOf}") { eligibility(program: ${program}) {
      eligible { count suppressed } notEligible { count } byTrack { track persons { count suppressed } monthlyBenefits totalBenefits }
      eligibleNotEnrolled { count suppressed } monthlyBenefits totalBenefits } } }`, undefined, { as: NETWORK_COUNSELLOR });
    expect(errors).toBeUndefined();
    const e = data.statistics.eligibility;
    const eligible = seen.filter((s) => s.eligibility[program].eligible);
    const size = (n: number) => (n > 0 && n < THRESHOLD ? null : n);
    if (!e.eligible.suppressed) {
      expect(e.eligible.count).toBe(eligible.length);
      expect(e.totalBenefits).toBe(eligible.reduce((sum, s) => sum + s.eligibility[program].total, 0));
      expect(e.monthlyBenefits).toBe(eligible.reduce((sum, s) => sum + s.eligibility[program].monthly, 0));
    } else expect(size(eligible.length) === null || size(seen.length - eligible.length) === null).toBe(true);
    const tracks = countBy(eligible, (s) => [[s.eligibility[program].track ?? "ELIGIBLE"]]);
    expect(new Set(e.byTrack.map((t: any) => t.track))).toEqual(new Set(tracks.keys()));
    for (const t of e.byTrack) {
      const members = eligible.filter((s) => (s.eligibility[program].track ?? "ELIGIBLE") === t.track);
      if (members.length < THRESHOLD) expect(t).toMatchObject({ persons: { count: null, suppressed: true }, totalBenefits: null });
      if (!t.persons.suppressed) {
        expect(t.persons.count).toBe(members.length);
        expect(t.totalBenefits).toBe(members.reduce((sum, s) => sum + s.eligibility[program].total, 0));
        expect(t.monthlyBenefits).toBe(members.reduce((sum, s) => sum + s.eligibility[program].monthly, 0));
      }
    }
    const gap = eligible.filter((s) => !s.programs.includes(program)).length;
    if (!e.eligibleNotEnrolled.suppressed) expect(e.eligibleNotEnrolled.count).toBe(gap);
  });

  it("follows the network's chain as each person's networkCase places them", async () => {
    const { data, errors } = await graphql(`{ statistics { networkPathway { centerId stages { stage reached { count suppressed } } } } }`, undefined, { as: ANALYST });
    expect(errors).toBeUndefined();
    const [everyone] = data.statistics.networkPathway;
    expect(everyone.centerId).toBeNull();
    for (const { stage, reached } of everyone.stages) {
      const truth = seen.filter((s) => s.stagesReached.includes(stage)).length;
      if (truth < THRESHOLD) expect(reached.suppressed).toBe(true);
      if (!reached.suppressed) expect(reached.count).toBe(truth);
    }
  });

  it("refuses a filter that narrows the population under the threshold", async () => {
    const people = syntheticPersons(inject("testPersons"));
    const tiny = people.filter((p) => p.centerId === "gumi" && ageOn(p.birthDate, asOf) >= 75).length;
    expect(tiny).toBeLessThan(THRESHOLD);
    const { data, errors } = await graphql(`{ statistics(filter: { centerId: "gumi", minAge: 75 }) { persons } }`, undefined, { as: ANALYST });
    expect(data).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "filter", reason: "POPULATION_BELOW_THRESHOLD" });
  });

  it("gives counsellors their own centers only", async () => {
    const gumi = syntheticPersons(inject("testPersons")).filter((p) => p.centerId === "gumi").length;
    const counsellor: As = { role: "counsellor", sub: "counsellor-gumi", centers: ["gumi"] };
    const own = await graphql(`{ statistics { persons breakdown(by: [CENTER]) { keys { value } count } } }`, undefined, { as: counsellor });
    expect(own.errors).toBeUndefined();
    expect(own.data.statistics.persons).toBe(gumi);
    expect(own.data.statistics.breakdown).toEqual([{ keys: [{ value: "gumi" }], count: gumi }]);
    const other = await graphql(`{ statistics(filter: { centerId: "sejong" }) { persons } }`, undefined, { as: counsellor });
    expect(other.errors![0].extensions!.code).toBe("FORBIDDEN");
  });

  it.each([
    ["a citizen", { role: "citizen", sub: "P00000001" }, "FORBIDDEN"],
    ["an anonymous caller", "anonymous", "UNAUTHENTICATED"],
  ] as [string, As, string][])("refuses %s", async (_, as, code) => {
    const { data, errors } = await graphql(`{ statistics { persons } }`, undefined, { as });
    expect(data).toBeNull();
    expect(errors![0].extensions!.code).toBe(code);
  });

  it.each([
    ["a citizen", { audience: "citizen", subject: "P00000001", personId: "P00000001", scopes: [], via: "jwt" }],
    ["a partner", { audience: "partner", subject: "korea-polytechnics", partnerId: "korea-polytechnics", scopes: ["learning-card:read"], purpose: "training placement", via: "jwt" }],
  ] as [string, Caller][])("refuses %s at the statistics subgraph itself, past the gateway, with a token the gateway signed", async (_, caller) => {
    const sign = await internalTokenSigner();
    const body = JSON.stringify({ query: "{ statistics { persons } }" });
    const token = sign({ caller, request: { requestId: "statistics-zero-trust", operationName: null, documentHash: "test", clientAddress: null } }, { subgraph: "statistics", body });
    const response = await fetch(inject("subgraphUrls").statistics, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token },
      body,
    });
    const answer = (await response.json()) as any;
    expect(answer.data).toBeNull();
    expect(answer.errors.map((e: any) => e.extensions.code)).toEqual(["FORBIDDEN"]);
  });

  it.skipIf(!inject("redisUrl"))("does not exist for partners", async () => {
    const { data, errors } = await graphql(`{ statistics { persons } }`, undefined, { as: { role: "partner", partner: "korea-polytechnics", purpose: "training placement", scopes: ["learning-card:read"] } });
    expect(data ?? null).toBeNull();
    expect(errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it.each([
    ["an unknown parameter", `{ program: NATIONAL_EMPLOYMENT_SUPPORT, parameter: "type9-income-percent", value: 70, from: "2027-01-01" }`, "UNKNOWN_PARAMETER"],
    ["a unit other than the published one", `{ program: NATIONAL_EMPLOYMENT_SUPPORT, parameter: "type1-income-percent", value: 70, unit: "KRW", from: "2027-01-01" }`, "WRONG_UNIT"],
    ["a fraction of a won", `{ program: MID_CAREER_SUPPORT, parameter: "participant-allowance-monthly", value: 1000000.5, from: "2027-01-01" }`, "WRONG_UNIT"],
    ["a list given one number", `{ program: NATIONAL_EMPLOYMENT_SUPPORT, parameter: "success-allowance", value: 1, from: "2027-01-01" }`, "WRONG_SHAPE"],
    ["a date before the rules start", `{ program: LEARNING_CARD, parameter: "age-limit", value: 80, from: "1990-01-01" }`, "BEFORE_RULES_START"],
  ])("refuses a reform with %s (BAD_USER_INPUT)", async (_, change, reason) => {
    const { errors } = await graphql(`{ statistics { reform(changes: [${change}]) { evaluatedOn } } }`, undefined, { as: ANALYST });
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "changes", reason });
  });

  it("simulates a reform: baseline as current law, the reform's winners, and the difference", async () => {
    const { data, errors } = await graphql(`{ statistics(asOf: "${asOf}") { reform(changes: [{ program: LEARNING_CARD, parameter: "age-limit", value: 60, from: "${asOf}" }]) {
      evaluatedOn programs { program baseline { eligible { count } } reform { eligible { count } } eligibleDifference losing { count suppressed } gaining { count } } } } }`, undefined, { as: NETWORK_COUNSELLOR });
    expect(errors).toBeUndefined();
    const [lc] = data.statistics.reform.programs;
    const eligibleNow = seen.filter((s) => s.eligibility.LEARNING_CARD.eligible);
    expect(lc.baseline.eligible.count).toBe(eligibleNow.length);
    // An age limit of 60 (from 75: "under the limit") takes the card from exactly the eligible aged 60 or more, and gives it to nobody.
    const over60 = eligibleNow.filter((s) => s.ageBand === "60-69" || s.ageBand === "70-79").length;
    expect(lc.gaining.count).toBe(0);
    expect(lc.losing.count).toBe(over60);
    expect(lc.eligibleDifference).toBe(-over60);
  });

  it("runs a reform as a job with progress, readable only by whoever started it", async () => {
    const start = await graphql(`mutation { startReform(changes: [{ program: NATIONAL_EMPLOYMENT_SUPPORT, parameter: "type1-income-percent", value: 70, from: "2027-01-01" }]) { id status } }`, undefined, { as: ANALYST });
    expect(start.errors).toBeUndefined();
    const id = start.data.startReform.id;
    let job: any;
    for (let polls = 0; polls < 300; polls++) {
      job = (await graphql(`query($id: ID!) { reform(id: $id) { status progress result { evaluatedOn programs { program reform { eligible { count } } } } } }`, { id }, { as: ANALYST })).data.reform;
      if (job.status !== "RUNNING") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job).toMatchObject({ status: "DONE", progress: 1, result: { evaluatedOn: "2027-01-01" } });
    const someoneElse = await graphql(`query($id: ID!) { reform(id: $id) { status } }`, { id }, { as: { role: "analyst", sub: "another-analyst" } });
    expect(someoneElse.data.reform).toBeNull();
  });

  it("writes every statistics request to the access log as an aggregate access, with no person id", async () => {
    const operationName = `Aggregate${Date.now()}`;
    const { errors } = await graphql(`query ${operationName} { statistics { persons breakdown(by: [REGION]) { count } } }`, undefined, { as: ANALYST });
    expect(errors).toBeUndefined();
    const client = new pg.Client({ connectionString: inject("accessDatabaseUrl") || inject("databaseUrl") });
    await client.connect();
    try {
      const { rows } = await client.query("select record from audit.access_log where record->>'operationName' = $1", [operationName]);
      expect(rows.map((r) => r.record)).toEqual([
        expect.objectContaining({ subgraph: "statistics", audience: "analyst", caller: "analyst-statistics", personIds: [], outcome: "ALLOWED",
          fields: ["PopulationStatistics.breakdown", "PopulationStatistics.persons"] }),
      ]);
    } finally {
      await client.end();
    }
  });
});
