/**
 * Who may see what, through the real gateway: every caller x (own person, other person, public
 * data) x (identity fields, each program's field), with the exact data or the exact error code.
 *
 *   own   = a person with history in all four programs, managed by center A; the citizen is them,
 *           the counsellor works at A, the partner holds their consent (learning-card scope only).
 *   other = a person at another center, with no consent.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { graphql, skipReason, type As } from "../setup/graphql";
import { ANALYST_LEVEL_LEFT_OUT, analystLevels, firstPerson, personInAllPrograms, releasedView, type PersonWithRecords } from "../setup/population";
import { loadPseudonymizer, type Pseudonymizer } from "../../platform/security/pseudonym";
import { CENTERS } from "../../platform/reference/centers";

type Caller = "anonymous" | "citizen" | "counsellor" | "analyst" | "partner";
const CALLERS: Caller[] = ["anonymous", "citizen", "counsellor", "analyst", "partner"];
const PURPOSE = "training placement";

let own: PersonWithRecords;
let other: PersonWithRecords;
let pseudonyms: Pseudonymizer;

function claimsOf(caller: Caller): As {
  switch (caller) {
    case "anonymous":
      return "anonymous";
    case "citizen":
      return { role: "citizen", sub: own.p.id };
    case "counsellor":
      return { role: "counsellor", sub: "counsellor-a", centers: [own.p.centerId] };
    case "analyst":
      return { role: "analyst", sub: "analyst-1" };
    case "partner":
      return { role: "partner", sub: "client-kp", partner: "korea-polytechnics", purpose: PURPOSE, scope: "learning-card:read" };
  }
}

const sortedIds = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

/** Program and identity fields: the selection, and the value the generators say it has. */
const FIELDS: Record<string, { selection: string; expected: (r: PersonWithRecords) => unknown; normalise?: (v: any) => unknown }> = {
  name: { selection: "name", expected: (r) => r.p.name },
  birthDate: { selection: "birthDate", expected: (r) => r.p.birthDate },
  nationalEmploymentSupport: {
    selection: "nationalEmploymentSupport { totalAllowancePaid enrollments { id } }",
    expected: (r) => ({ totalAllowancePaid: r.ness.payments.reduce((sum, p) => sum + p.amount, 0), enrollments: sortedIds(r.ness.enrollments) }),
    normalise: (v) => v && { ...v, enrollments: sortedIds(v.enrollments) },
  },
  jobSearchGuarantee: {
    selection: "jobSearchGuarantee { participations { id } }",
    expected: (r) => ({ participations: sortedIds(r.jsg.participations) }),
    normalise: (v) => v && { participations: sortedIds(v.participations) },
  },
  midCareerSupport: {
    selection: "midCareerSupport { careerDesignSessions { id } workExperiencePlacements { id } }",
    expected: (r) => ({ careerDesignSessions: sortedIds(r.mc.sessions), workExperiencePlacements: sortedIds(r.mc.placements) }),
    normalise: (v) => v && { careerDesignSessions: sortedIds(v.careerDesignSessions), workExperiencePlacements: sortedIds(v.workExperiencePlacements) },
  },
  learningCard: {
    selection: "learningCard { card { id grantTotal } enrollments { id } }",
    expected: (r) => ({ card: { id: r.lc.card!.id, grantTotal: r.lc.card!.grant_total }, enrollments: sortedIds(r.lc.enrollments) }),
    normalise: (v) => v && { ...v, enrollments: sortedIds(v.enrollments) },
  },
};

/** Exact program figures in FIELDS' selections, which analysts do not get (@policy identified). */
const ANALYST_WITHHELD: Record<string, string[][]> = { nationalEmploymentSupport: [["totalAllowancePaid"]], learningCard: [["card", "grantTotal"]] };

type Refusal = { code: string; at: "person" | "field" };
type Outcome = { data: true } | { refusals: Refusal[] };
const DATA: Outcome = { data: true };
const refused = (...refusals: [string, "person" | "field"][]): Outcome => ({ refusals: refusals.map(([code, at]) => ({ code, at })) });

/** The expected outcome of reading `field` of the own or the other person as `caller`. */
function expectedOutcome(caller: Caller, whose: "own" | "other", field: string): Outcome {
  const program = !["name", "birthDate"].includes(field);
  switch (caller) {
    case "anonymous":
      return refused(["UNAUTHENTICATED", "person"]); // Query.person is @authenticated
    case "citizen":
    case "counsellor":
      return whose === "own" ? DATA : refused(["FORBIDDEN", "person"]);
    case "analyst":
      return program ? DATA : refused(["FORBIDDEN", "field"]); // @policy(identified)
    case "partner": {
      // The gateway removes a program outside the partner's scopes (@requiresScopes); people asks for consent.
      const outOfScope: [string, "field"][] = program && field !== "learningCard" ? [["FORBIDDEN", "field"]] : [];
      if (whose === "own") return outOfScope.length ? refused(...outOfScope) : DATA;
      return refused(...outOfScope, ["CONSENT_REQUIRED", "person"]);
    }
  }
}

/** The id this caller addresses a person by (analysts only know pseudonyms). */
const idFor = (caller: Caller, r: PersonWithRecords) => (caller === "analyst" ? pseudonyms.pseudonym(r.p.id) : r.p.id);

/** What the caller should get: the generators' value, in the analyst's view with every person id pseudonymised. */
function expectedValue(caller: Caller, r: PersonWithRecords, field: string): unknown {
  const value = FIELDS[field].expected(r);
  return caller === "analyst" ? JSON.parse(pseudonyms.maskText(JSON.stringify(value))) : value;
}

describe.skipIf(skipReason())("who may see what", () => {
  beforeAll(async () => {
    const limit = inject("testPersons");
    // Both in the analyst's view (not left out by k-anonymity: analyst-generalisation.test.ts).
    const inView = (r: PersonWithRecords) => analystLevels(limit).get(r.p.id)! < ANALYST_LEVEL_LEFT_OUT;
    own = personInAllPrograms(limit, inView);
    other = firstPerson(limit, (r) => inView(r) && r.p.centerId !== own.p.centerId && r.lc.card !== null && r.ness.enrollments.length > 0, "person at another center with a learning card");
    pseudonyms = await loadPseudonymizer();
    // The own person consents to the partner, for the learning card only.
    const { data, errors } = await graphql(
      `mutation($consent: ConsentInput!) { grantConsent(consent: $consent) { partner { id } scopes active } }`,
      { consent: { partnerId: "korea-polytechnics", purpose: PURPOSE, scopes: ["learning-card:read"], expiresOn: "2030-01-01".replace("2030", String(new Date().getFullYear() + 2)) } },
      { as: claimsOf("citizen") },
    );
    expect(errors).toBeUndefined();
    expect(data.grantConsent).toEqual({ partner: { id: "korea-polytechnics" }, scopes: ["learning-card:read"], active: true });
  });

  const cells = CALLERS.flatMap((caller) => (["own", "other"] as const).flatMap((whose) => Object.keys(FIELDS).map((field) => ({ caller, whose, field }))));

  it.each(cells)("$caller reading $field of the $whose person", async ({ caller, whose, field }) => {
    const person = whose === "own" ? own : other;
    const id = idFor(caller, person);
    const { data, errors } = await graphql(`query Cell($id: ID!) { person(id: $id) { id ${FIELDS[field].selection} } }`, { id }, { as: claimsOf(caller) });
    const outcome = expectedOutcome(caller, whose, field);
    if ("data" in outcome) {
      // Exact program figures are outside the analyst's view: refused by name, answered null.
      const withheld = caller === "analyst" ? (ANALYST_WITHHELD[field] ?? []) : [];
      expect(errors?.map((e) => ({ code: e.extensions?.code, path: e.path }))).toEqual(
        withheld.length ? withheld.map((path) => ({ code: "FORBIDDEN", path: ["person", field, ...path] })) : undefined,
      );
      expect(data.person.id).toBe(id);
      const value = data.person[field];
      const expected = expectedValue(caller, person, field) as any;
      for (const path of withheld) path.slice(0, -1).reduce((o, k) => o[k], expected)[path.at(-1)!] = null;
      expect(FIELDS[field].normalise ? FIELDS[field].normalise!(value) : value).toEqual(expected);
      return;
    }
    const pathOf = (at: Refusal["at"]) => (at === "person" ? ["person"] : ["person", field]);
    expect(errors?.map((e) => ({ code: e.extensions?.code, path: e.path }))).toEqual(outcome.refusals.map((r) => ({ code: r.code, path: pathOf(r.at) })));
    if (outcome.refusals.some((r) => r.at === "person")) expect(data.person).toBeNull();
    else expect(data.person).toEqual({ id, [field]: null });
    // A field refused by the gateway is named in the message, by its schema coordinate.
    for (const error of errors!) if (error.extensions?.code === "FORBIDDEN" && error.path?.length === 2) expect(error.message).toContain(`Person.${field}`);
    // No refusal carries personal data.
    for (const error of errors!) for (const secret of [person.p.name, person.p.birthDate, person.p.id]) expect(error.message).not.toContain(secret);
  });

  it("names the field it refused in a FORBIDDEN error's message", async () => {
    const { data, errors } = await graphql(`query($id: ID!) { person(id: $id) { id name } }`, { id: idFor("analyst", own) }, { as: claimsOf("analyst") });
    expect(data.person).toEqual({ id: idFor("analyst", own), name: null });
    expect(errors?.map((e) => ({ code: e.extensions?.code, path: e.path, field: e.extensions?.field }))).toEqual([{ code: "FORBIDDEN", path: ["person", "name"], field: "Person.name" }]);
    expect(errors![0].message).toContain("Person.name");
    expect(errors![0].message).toContain(`"identified"`);
  });

  /**
   * Exact amounts are identified data (`@policy(identified)`): analysts get bands instead. The
   * partner contract has no household or employment at all. (`employment` keeps a field the analyst
   * may read: a non-null object left with nothing selected would null the whole person.)
   */
  const AMOUNTS = `query Amounts($id: ID!) { person(id: $id) { id
    household { size monthlyIncome assets incomeBand assetsBand } employment { status monthlyWage selfEmployedAnnualRevenue } } }`;
  const EXACT_AMOUNTS: [string, string][] = [
    ["household", "monthlyIncome"],
    ["household", "assets"],
    ["employment", "monthlyWage"],
    ["employment", "selfEmployedAnnualRevenue"],
  ];
  /** exact: an identified caller's; otherwise an analyst's, as the person's generalisation level releases it. */
  const amountsOf = ({ p }: PersonWithRecords, exact: boolean) => {
    const released = releasedView(p, exact ? 0 : analystLevels(inject("testPersons")).get(p.id)!);
    return {
    household: {
      size: released.size,
      monthlyIncome: exact ? p.householdMonthlyIncome : null,
      assets: exact ? p.householdAssets : null,
      incomeBand: released.incomeBand,
      assetsBand: released.assetsBand,
    },
    employment: { status: p.employmentStatus, monthlyWage: exact ? p.monthlyWage : null, selfEmployedAnnualRevenue: exact ? p.selfEmployedAnnualRevenue : null },
    };
  };
  const personCells = CALLERS.flatMap((caller) => (["own", "other"] as const).map((whose) => ({ caller, whose })));

  it.each(personCells)("$caller reading household and employment amounts of the $whose person", async ({ caller, whose }) => {
    const person = whose === "own" ? own : other;
    const id = idFor(caller, person);
    const { status, data, errors } = await graphql(AMOUNTS, { id }, { as: claimsOf(caller) });
    const codesAndPaths = errors?.map((e) => ({ code: e.extensions?.code, path: e.path }));
    switch (caller) {
      case "anonymous":
        expect(codesAndPaths).toEqual([{ code: "UNAUTHENTICATED", path: ["person"] }]);
        expect(data.person).toBeNull();
        return;
      case "citizen":
      case "counsellor":
        if (whose === "other") {
          expect(codesAndPaths).toEqual([{ code: "FORBIDDEN", path: ["person"] }]);
          expect(data.person).toBeNull();
          return;
        }
        expect(errors).toBeUndefined();
        expect(data.person).toEqual({ id, ...amountsOf(person, true) });
        return;
      case "analyst": {
        // Every exact amount refused, by name and path; the bands answered.
        const refusals = errors?.map((e) => ({ code: e.extensions?.code, path: e.path, field: e.extensions?.field }));
        const byPath = (a: { path?: unknown }, b: { path?: unknown }) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path));
        expect(refusals?.sort(byPath)).toEqual(
          EXACT_AMOUNTS.map(([parent, field]) => ({ code: "FORBIDDEN", path: ["person", parent, field], field: `${parent === "household" ? "Household" : "Employment"}.${field}` })).sort(byPath),
        );
        for (const error of errors!) expect(error.message).toContain(error.extensions!.field);
        expect(data.person).toEqual({ id, ...amountsOf(person, false) });
        return;
      }
      case "partner":
        // Not in the partner contract: the document is invalid for partners, whoever the person is.
        expect(status).toBe(400);
        expect(data).toBeUndefined();
        expect(errors?.map((e) => e.extensions?.code)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
        expect(errors![0].message).toContain(`Cannot query field "household" on type "Person"`);
        return;
    }
  });

  /**
   * The cross-program journey fields need every program's scope: all callers but partners hold
   * them, so the person's row rules decide. Partners cannot even name them (not in the contract).
   * The values are the ones the network counsellor (who sees everyone, identified) gets.
   */
  const JOURNEY: Record<string, string> = {
    eligibilitySummary: "eligibilitySummary { program eligible track }",
    timeline: "timeline { program date kind networkStage }",
    networkCase: "networkCase { stage reachedOn stagesReached nextStage nextProgram nextStep }",
  };
  const journeyCells = personCells.flatMap((cell) => Object.keys(JOURNEY).map((field) => ({ ...cell, field })));
  const journeyReference = new Map<string, Promise<unknown>>();
  const journeyOf = (r: PersonWithRecords, field: string) => {
    const key = `${r.p.id} ${field}`;
    if (!journeyReference.has(key)) {
      journeyReference.set(
        key,
        graphql(`query($id: ID!) { person(id: $id) { ${JOURNEY[field]} } }`, { id: r.p.id }).then(({ data, errors }) => {
          expect(errors).toBeUndefined();
          return data.person[field];
        }),
      );
    }
    return journeyReference.get(key)!;
  };

  it.each(journeyCells)("$caller reading the journey field $field of the $whose person", async ({ caller, whose, field }) => {
    const person = whose === "own" ? own : other;
    const id = idFor(caller, person);
    const { status, data, errors } = await graphql(`query Journey($id: ID!) { person(id: $id) { id ${JOURNEY[field]} } }`, { id }, { as: claimsOf(caller) });
    const codesAndPaths = errors?.map((e) => ({ code: e.extensions?.code, path: e.path }));
    const reads = caller === "analyst" || ((caller === "citizen" || caller === "counsellor") && whose === "own");
    if (reads) {
      expect(errors).toBeUndefined();
      const expected = await journeyOf(person, field);
      // An analyst gets the dates of a person's events by the month (README, Analyst view).
      const asAnalyst = (value: unknown) => JSON.parse(pseudonyms.maskText(JSON.stringify(value)).replace(/(\d{4}-\d{2})-\d{2}/g, "$1-01"));
      expect(data.person).toEqual({ id, [field]: caller === "analyst" ? asAnalyst(expected) : expected });
      if (field === "eligibilitySummary") expect(data.person[field].map((e: { program: string }) => e.program)).toEqual(["NATIONAL_EMPLOYMENT_SUPPORT", "JOB_SEARCH_GUARANTEE", "MID_CAREER_SUPPORT", "LEARNING_CARD"]);
      if (field === "timeline") expect(data.person[field].length).toBeGreaterThan(0);
      return;
    }
    if (caller === "partner") {
      expect(status).toBe(400);
      expect(data).toBeUndefined();
      expect(errors?.map((e) => e.extensions?.code)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
      expect(errors![0].message).toContain(`Cannot query field "${field}" on type "Person"`);
      return;
    }
    expect(codesAndPaths).toEqual([{ code: caller === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN", path: ["person"] }]);
    expect(data.person).toBeNull();
  });

  const PUBLIC = {
    employmentCenters: `{ employmentCenters(region: INCHEON) { id } }`,
    trainingCourse: `{ trainingCourses(first: 2) { id title } }`,
    eligibilityRules: `{ eligibilityRules(program: LEARNING_CARD) { program rules { rule } } }`,
    simulatePerson: `{ simulatePerson(circumstances: { birthDate: "1970-03-01", householdSize: 1, householdMonthlyIncome: 1500000, householdAssets: 0, employmentStatus: UNEMPLOYED }) { birthYear learningCard { eligibility(asOf: "2026-06-01") { eligible } } } }`,
  };
  const publicCells = CALLERS.flatMap((caller) => Object.keys(PUBLIC).map((data) => ({ caller, data: data as keyof typeof PUBLIC })));
  const publicAnswers = new Map<string, unknown>();

  it.each(publicCells)("$caller reading public $data gets the same answer as everyone", async ({ caller, data: which }) => {
    const { data, errors } = await graphql(PUBLIC[which], undefined, { as: claimsOf(caller) });
    expect(errors).toBeUndefined();
    expect(data).toBeTruthy();
    const reference = publicAnswers.get(which);
    if (reference === undefined) publicAnswers.set(which, data);
    else expect(data).toEqual(reference);
  });

  it("answers public data with the values the stores hold", async () => {
    const { data } = await graphql(`${PUBLIC.employmentCenters}`, undefined, { as: "anonymous" });
    expect(data.employmentCenters.map((c: { id: string }) => c.id).sort()).toEqual(CENTERS.filter((c) => c.region === "INCHEON").map((c) => c.id).sort());
    const simulated = await graphql(PUBLIC.simulatePerson, undefined, { as: "anonymous" });
    expect(simulated.data.simulatePerson).toEqual({ birthYear: 1970, learningCard: { eligibility: { eligible: true } } });
  });
});
