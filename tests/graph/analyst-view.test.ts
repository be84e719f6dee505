/**
 * The analyst's view tried as a determined analyst would, through the real gateway: nothing in it
 * may reveal more about a person than the README's analyst table says (birth year, bands, no exact
 * amounts, no link to the real id). Every expected value comes from the synthetic generators.
 *
 * - explanations: every rule of every program, on a page of persons, never carries the person's
 *   exact income, assets, wage, revenue, payments or card figures, and amounts come as bands;
 * - asOf: every date of a year gives the same age-based outcomes (the birth date cannot be bisected),
 *   and `age` and the age filters follow the birth year only;
 * - order and ids: an analyst's pages are not in the id order, cursors and record ids carry no id,
 *   and a real id as argument gets the same answer whether or not the person exists;
 * - the partner operation PartnerLearningCard never tells the household income;
 * - exact program figures (payments, card) are withheld from analysts.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { graphql, skipReason, type As } from "../setup/graphql";
import { analystLevels, firstPerson, programRecordsOf, releasedView } from "../setup/population";
import { loadPseudonymizer, type Pseudonymizer } from "../../platform/security/pseudonym";
import { personId, syntheticPerson, syntheticPersons, type SyntheticPerson } from "../../subgraphs/kit/synthetic/person";
import { assetsBand, incomeBand, revenueBand } from "../../subgraphs/kit/bands";
import { ruleDefinition } from "../../subgraphs/kit/rules/rule";
import { NESS_RULES } from "../../subgraphs/employment-support/rules/rules";
import { GUARANTEE_RULES } from "../../subgraphs/job-search-guarantee/rules/rules";
import { MID_CAREER_RULES } from "../../subgraphs/mid-career/rules/rules";
import { LEARNING_CARD_RULES } from "../../subgraphs/learning-card/rules/rules";
import { todayInKorea } from "../../platform/dates";

const analyst: As = { role: "analyst", sub: "analyst-view" };
const PROGRAMS = ["nationalEmploymentSupport", "jobSearchGuarantee", "midCareerSupport", "learningCard"] as const;
const ALL_RULES = [...NESS_RULES, ...GUARANTEE_RULES, ...MID_CAREER_RULES, ...LEARNING_CARD_RULES];
const BAND = /KRW [\d,]+-[\d,]+/g;
/** The numbers written in a text (digits with or without thousands separators), as digits. */
const numbersIn = (text: string) => new Set((text.match(/\d[\d,]*\d|\d/g) ?? []).map((n) => n.replace(/,/g, "")));

let pseudonyms: Pseudonymizer;
/** The person's generalisation level in the analyst's view (the oracle of tests/setup/population.ts). */
const levelOf = (p: SyntheticPerson) => analystLevels(inject("testPersons")).get(p.id)!;
/** Persons whose birth year an analyst is told (levels 0-4). */
const yearReleased = (p: SyntheticPerson) => levelOf(p) < 5;
const realId = (pseudonym: string) => {
  const id = pseudonyms.personId(pseudonym);
  if (!id) throw new Error(`not a pseudonym: ${pseudonym}`);
  return id;
};

/** Every exact amount the generators know for a person (whole KRW, at least 10,000), as digits. */
function exactAmounts(p: SyntheticPerson): string[] {
  const { ness, lc, mc, jsg } = programRecordsOf(p);
  const amounts = [
    p.householdMonthlyIncome, p.householdAssets, p.monthlyWage, p.selfEmployedAnnualRevenue,
    ...ness.payments.map((x) => x.amount), ness.payments.reduce((s, x) => s + x.amount, 0),
    ...(lc.card ? [lc.card.grant_total] : []),
    ...lc.enrollments.flatMap((e) => [e.self_payment, e.card_charge]),
    ...mc.placements.flatMap((x) => [x.monthly_allowance, x.host_subsidy_monthly]),
    ...jsg.placements.map((x) => x.monthly_wage),
  ].filter((a) => a >= 10_000);
  return [...new Set(amounts)].map(String);
}

/** Published figures (the parameters in force): a threshold may show them even when a person's amount happens to equal one. */
async function publishedFigures(): Promise<Set<string>> {
  const programs = ["NATIONAL_EMPLOYMENT_SUPPORT", "JOB_SEARCH_GUARANTEE", "MID_CAREER_SUPPORT", "LEARNING_CARD"];
  const figures = new Set<string>();
  for (const program of programs) {
    const { data, errors } = await graphql(`query($p: Program!) { eligibilityRules(program: $p) { rules { parameters { value } } } }`, { p: program }, { as: "anonymous" });
    expect(errors).toBeUndefined();
    for (const rule of data.eligibilityRules.rules) for (const parameter of rule.parameters) for (const n of parameter.value.match(/\d+/g) ?? []) figures.add(n);
  }
  return figures;
}

const reasons0 = (program: any) => program.eligibility.reasons as any[];
const ELIGIBILITY = `eligibility { eligible track benefits { kind amountPerMonth months total description } reasons { rule passed observed threshold description } }`;

describe.skipIf(skipReason())("the analyst's view", () => {
  beforeAll(async () => {
    pseudonyms = await loadPseudonymizer();
  });

  describe("explanations never carry an exact amount", () => {
    let page: { id: string; node: any }[];
    let published: Set<string>;

    beforeAll(async () => {
      // Two pages of 20 (every program's rules for 20 persons is one fetch per program).
      const query = `query($after: String) { persons(first: 20, after: $after) { pageInfo { endCursor } edges { node { id ${PROGRAMS.map((p) => `${p} { ${ELIGIBILITY} }`).join(" ")} timeline { description } } } } }`;
      page = [];
      let after: string | null = null;
      for (let i = 0; i < 2; i++) {
        const { data, errors }: { data?: any; errors?: unknown[] } = await graphql(query, { after }, { as: analyst });
        expect(errors).toBeUndefined();
        page.push(...data.persons.edges.map((e: any) => ({ id: realId(e.node.id), node: e.node })));
        after = data.persons.pageInfo.endCursor;
      }
      expect(page).toHaveLength(40);
      published = await publishedFigures();
    });

    it("covers every rule of every program, with both outcomes of the income tests", () => {
      const seen = new Set(page.flatMap(({ node }) => PROGRAMS.flatMap((p) => node[p].eligibility.reasons.map((r: any) => r.rule))));
      expect([...seen].sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
      const income = page.flatMap(({ node }) => node.nationalEmploymentSupport.eligibility.reasons.filter((r: any) => r.rule === "ness.type1.household-income"));
      expect(new Set(income.map((r: any) => r.passed))).toEqual(new Set([true, false]));
    });

    it("shows no person's exact amount in any rule's observed, threshold or description, nor in benefits and timeline", () => {
      for (const { id, node } of page) {
        const amounts = exactAmounts(syntheticPerson(Number(id.slice(1))));
        for (const program of PROGRAMS) {
          const { reasons, benefits } = node[program].eligibility;
          for (const reason of reasons) {
            const written = numbersIn(`${reason.observed ?? ""} | ${reason.description}`.replace(BAND, ""));
            const threshold = numbersIn(reason.threshold ?? "");
            for (const amount of amounts) {
              expect(written.has(amount), `${id} ${reason.rule}: ${amount}`).toBe(false);
              if (!published.has(amount)) expect(threshold.has(amount), `${id} ${reason.rule} threshold: ${amount}`).toBe(false);
            }
          }
          for (const benefit of benefits) {
            expect(benefit.amountPerMonth).toBeNull();
            expect(benefit.total).toBeNull();
            expect(benefit.description).not.toMatch(/\d\s*KRW/);
          }
        }
        for (const event of node.timeline) expect(event.description, id).not.toMatch(/\d\s*KRW/);
      }
    });

    it("renders every outcome from its rule's kind and published description: amounts as the bands of people's view", () => {
      for (const { id, node } of page) {
        const p = syntheticPerson(Number(id.slice(1)));
        for (const program of PROGRAMS) {
          for (const reason of node[program].eligibility.reasons) {
            const rule = ruleDefinition(reason.rule)!;
            expect(reason.description.startsWith(rule.description), reason.rule).toBe(true);
            switch (rule.observedKind) {
              case "income": {
                const amount = reason.rule === "learning-card.excluded.special-type-worker-income"
                  ? (p.employmentStatus === "SPECIAL_TYPE_WORKER" ? p.monthlyWage : 0)
                  : p.householdMonthlyIncome;
                // Withheld where the person's level withholds the income band (k-anonymity: analyst-generalisation.test.ts).
                expect(reason.observed, reason.rule).toBe(levelOf(p) >= 2 ? null : incomeBand(amount));
                break;
              }
              case "assets":
                expect(reason.observed, reason.rule).toBe(levelOf(p) >= 1 ? null : assetsBand(p.householdAssets));
                break;
              case "center":
                expect(reason.observed, reason.rule).toBe(levelOf(p) >= 4 ? null : p.centerId);
                break;
              case "revenue":
                expect(reason.observed, reason.rule).toBe(revenueBand(p.employmentStatus === "SELF_EMPLOYED" ? p.selfEmployedAnnualRevenue : 0));
                break;
              case "mixed":
              case undefined:
                expect(reason.observed, reason.rule).toBeNull();
                break;
              default:
                if (reason.observed !== null) expect(reason.observed, reason.rule).not.toMatch(/P\d{8}/);
            }
            // Still useful: an income test's result is the exact comparison with its published threshold.
            // (The threshold by household size is withheld where the size is: level 3 and up.)
            if (reason.rule === "ness.type1.household-income") {
              if (levelOf(p) >= 3) expect(reason.threshold).toBeNull();
              else expect(reason.passed).toBe(p.householdMonthlyIncome <= Number(reason.threshold));
            }
          }
        }
      }
    });
  });

  describe("asOf cannot be bisected to a birth date", () => {
    // Persons born on a day other than 1 January, so that the birthday falls inside the year asked.
    const people = () =>
      syntheticPersons(inject("testPersons"))
        .filter((p) => p.birthDate.slice(5) > "01-15" && p.birthDate.slice(5) < "12-15" && yearReleased(p))
        .filter((_, i) => i % 97 === 0)
        .slice(0, 6);

    it("gives the same outcomes on every date of a year for every rule that moves on the birthday", async () => {
      const year = 2025;
      let moved = 0;
      for (const p of people()) {
        const birthday = `${year}-${p.birthDate.slice(5)}`;
        const day = (offset: number) => new Date(Date.parse(`${birthday}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
        const dates = [`${year}-01-01`, day(-1), birthday, day(1), `${year}-12-31`];
        const fields = dates.flatMap((date, i) => PROGRAMS.map((program) => `${program}_${i}: ${program} { eligibility(asOf: "${date}") { reasons { rule passed observed threshold description } } }`));
        const query = `query($id: ID!) { person(id: $id) { ${fields.join(" ")} } }`;
        // The counsellor's answers say which rules move on the birthday (the ones a bisection would use).
        const counsellor = await graphql(query, { id: p.id });
        const seen = await graphql(query, { id: pseudonyms.pseudonym(p.id) }, { as: analyst });
        expect(counsellor.errors).toBeUndefined();
        expect(seen.errors).toBeUndefined();
        for (const program of PROGRAMS) {
          const reasons = (data: any, i: number) => data.person[`${program}_${i}`].eligibility.reasons as any[];
          const before = reasons(counsellor.data, 1);
          const after = reasons(counsellor.data, 3);
          const moving = before.filter((r, i) => JSON.stringify(r) !== JSON.stringify(after[i])).map((r) => r.rule);
          moved += moving.length;
          for (const rule of moving) {
            const outcomes = dates.map((_, i) => reasons(seen.data, i).find((r) => r.rule === rule));
            for (const outcome of outcomes) expect(outcome, `${p.id} ${rule}`).toEqual(outcomes[0]);
          }
        }
        const age = reasons0(seen.data.person.nationalEmploymentSupport_2).find((r: any) => r.rule === "ness.age");
        expect(age.observed).toBe(String(year - Number(p.birthDate.slice(0, 4))));
      }
      expect(moved).toBeGreaterThanOrEqual(people().length);
    });

    it("shows the age reached this year, and filters on age select whole birth years", async () => {
      const thisYear = Number(todayInKorea().slice(0, 4));
      const population = syntheticPersons(inject("testPersons"));
      for (const p of people().slice(0, 3)) {
        const { data, errors } = await graphql(`query($id: ID!) { person(id: $id) { age birthYear } }`, { id: pseudonyms.pseudonym(p.id) }, { as: analyst });
        expect(errors).toBeUndefined();
        expect(data.person).toEqual({ age: thisYear - Number(p.birthDate.slice(0, 4)), birthYear: Number(p.birthDate.slice(0, 4)) });
      }
      for (const age of [50, 60]) {
        const { data, errors } = await graphql(`query($a: Int!) { persons(filter: { minAge: $a, maxAge: $a }, first: 0) { totalCount } }`, { a: age }, { as: analyst });
        expect(errors).toBeUndefined();
        // Persons whose birth year is released; a 5-year band never fits one age (analyst-generalisation.test.ts).
        expect(data.persons.totalCount).toBe(population.filter((p) => Number(p.birthDate.slice(0, 4)) === thisYear - age && yearReleased(p)).length);
      }
    });
  });

  describe("no link between a pseudonym and a real id", () => {
    it("pages through everyone in an order unrelated to the ids, with cursors and record ids that carry none", async () => {
      const count = inject("testPersons");
      const order: number[] = [];
      let after: string | null = null;
      for (;;) {
        const { data, errors }: { data?: any; errors?: unknown[] } = await graphql(
          `query($after: String) { persons(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id
            nationalEmploymentSupport { enrollments { id } } learningCard { card { id } } } } } }`,
          { after },
          { as: analyst },
        );
        expect(errors).toBeUndefined();
        const text = JSON.stringify(data);
        expect(text).not.toMatch(/P\d{8}/);
        for (const edge of data.persons.edges) {
          expect(Buffer.from(edge.cursor, "base64url").toString()).not.toMatch(/P\d{8}/);
          const id = realId(edge.node.id);
          order.push(Number(id.slice(1)));
          // Record ids carry the pseudonym, never the id.
          for (const e of edge.node.nationalEmploymentSupport.enrollments) expect(e.id).toMatch(new RegExp(`^NESS-${edge.node.id}-\\d+$`));
          if (edge.node.learningCard.card) expect(edge.node.learningCard.card.id).toBe(`LC-${edge.node.id}`);
        }
        if (!data.persons.pageInfo.hasNextPage) break;
        after = data.persons.pageInfo.endCursor;
      }
      // Everyone in the view exactly once (the persons left out by k-anonymity: analyst-generalisation.test.ts)...
      const inView = syntheticPersons(count).filter((p) => levelOf(p) < 6).map((p) => p.index);
      expect([...order].sort((a, b) => a - b)).toEqual(inView);
      // ...in an order that says nothing of the id: about half the neighbours ascend, and row n is not person n.
      const ascending = order.slice(1).filter((n, i) => n > order[i]).length / (order.length - 1);
      expect(ascending).toBeGreaterThan(0.4);
      expect(ascending).toBeLessThan(0.6);
      expect(order.filter((n, i) => n === i + 1).length).toBeLessThan(10);
    });

    it("keeps the id order for counsellors", async () => {
      const { data, errors } = await graphql(`{ persons(first: 5) { edges { node { id } } } }`);
      expect(errors).toBeUndefined();
      expect(data.persons.edges.map((e: any) => e.node.id)).toEqual([1, 2, 3, 4, 5].map(personId));
    });

    it("answers a real id, existing or not, with one error that names no person", async () => {
      const answers = [];
      for (const id of [personId(1), personId(inject("testPersons")), personId(99_999_999)]) {
        const { data, errors } = await graphql(`query($id: ID!) { person(id: $id) { id } }`, { id }, { as: analyst });
        expect(data?.person ?? null).toBeNull();
        answers.push(errors?.map((e) => ({ code: e.extensions?.code, message: e.message, argumentName: e.extensions?.argumentName })));
        expect(JSON.stringify(errors)).not.toMatch(/anon-[A-Za-z0-9_-]{22}/);
      }
      expect(answers[0]![0].code).toBe("BAD_USER_INPUT");
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    });
  });

  describe("exact program figures", () => {
    it("are withheld from analysts (FORBIDDEN, null), bands and counts stay", async () => {
      const p = syntheticPersons(inject("testPersons")).find((x) => levelOf(x) < 6 && programRecordsOf(x).lc.card && programRecordsOf(x).ness.payments.length > 0)!;
      const { data, errors } = await graphql(
        `query($id: ID!) { person(id: $id) { household { incomeBand } nationalEmploymentSupport { totalAllowancePaid allowancePayments { paidOn amount } }
          learningCard { card { grantTotal used balance status } } } }`,
        { id: pseudonyms.pseudonym(p.id) },
        { as: analyst },
      );
      expect(new Set(errors?.map((e) => `${e.extensions?.code} ${e.extensions?.field}`))).toEqual(
        new Set(["FORBIDDEN NationalEmploymentSupportRecord.totalAllowancePaid", "FORBIDDEN NessAllowancePayment.amount", "FORBIDDEN LearningCard.grantTotal", "FORBIDDEN LearningCard.used", "FORBIDDEN LearningCard.balance"]),
      );
      expect(data.person.household.incomeBand).toBe(releasedView(p, levelOf(p)).incomeBand);
      expect(data.person.nationalEmploymentSupport.totalAllowancePaid).toBeNull();
      expect(data.person.nationalEmploymentSupport.allowancePayments.map((x: any) => x.amount)).toEqual(programRecordsOf(p).ness.payments.map(() => null));
      expect(data.person.nationalEmploymentSupport.allowancePayments.map((x: any) => x.paidOn).sort()).toEqual(programRecordsOf(p).ness.payments.map((x) => `${x.paid_on.slice(0, 7)}-01`).sort());
      expect(data.person.learningCard.card).toMatchObject({ grantTotal: null, used: null, balance: null });
    });
  });

  describe("the partner operation PartnerLearningCard", () => {
    it("never tells the household income, even for a low-income priority person", async () => {
      const manifest = JSON.parse(readFileSync(new URL("../../persisted-queries/partner-agencies.json", import.meta.url), "utf8"));
      const operation = manifest.operations.find((o: any) => o.name === "PartnerLearningCard").body as string;
      const purpose = "training placement";
      const p = syntheticPersons(inject("testPersons")).find(
        (x) => x.householdMonthlyIncome >= 100_000 && x.householdMonthlyIncome <= 1_000_000 && programRecordsOf(x).lc.card && x.employmentStatus !== "SELF_EMPLOYED",
      )!;
      const granted = await graphql(
        `mutation($consent: ConsentInput!) { grantConsent(consent: $consent) { active } }`,
        { consent: { partnerId: "korea-polytechnics", purpose, scopes: ["learning-card:read"], expiresOn: `${new Date().getFullYear() + 2}-01-01` } },
        { as: { role: "citizen", sub: p.id } },
      );
      expect(granted.errors).toBeUndefined();
      const { data, errors } = await graphql(operation, { id: p.id }, { as: { role: "partner", sub: "client-kp-view", partner: "korea-polytechnics", purpose, scope: "learning-card:read" } });
      expect(errors).toBeUndefined();
      expect(data.person.id).toBe(p.id);
      const reasons = data.person.learningCard.currentEligibility.reasons;
      expect(reasons.map((r: any) => r.rule)).toEqual(LEARNING_CARD_RULES.map((r) => r.id));
      expect(numbersIn(JSON.stringify(data).replace(BAND, "")).has(String(p.householdMonthlyIncome))).toBe(false);
      const priority = reasons.find((r: any) => r.rule === "learning-card.priority.low-income");
      expect(priority.description).toBe(`${ruleDefinition("learning-card.priority.low-income")!.description} Met: ${incomeBand(p.householdMonthlyIncome)}.`);
    });
  });

  describe("event dates, by the month", () => {
    const HISTORY = `query($id: ID!) { person(id: $id) {
      nationalEmploymentSupport { enrollments { appliedOn decidedOn iapSetOn servicesEndOn } allowancePayments { paidOn } events { date kind } }
      jobSearchGuarantee { participations { startedOn endedOn phases { startedOn endedOn } placements { startedOn } } events { date kind } }
      midCareerSupport { careerDesignSessions { heldOn } workExperiencePlacements { startedOn endedOn } events { date kind } }
      learningCard { card { issuedOn expiresOn } enrollments { enrolledOn completedOn } events { date kind description } }
      timeline { date kind description } networkCase { reachedOn nextStep } } }`;
    const DATE = /\d{4}-\d{2}-\d{2}/g;
    /** Every date written anywhere in an answer (fields and texts), sorted. */
    const datesIn = (data: unknown) => (JSON.stringify(data).match(DATE) ?? []).sort();
    const monthStart = (date: string) => `${date.slice(0, 7)}-01`;

    it("every date of a person's history reaches an analyst as its month's first day, the counsellor's to the day", async () => {
      // A person with history in every program and a NESS application not on a month's first day (from the generators).
      const { p } = firstPerson(
        inject("testPersons"),
        (r) => levelOf(r.p) < 6 && r.ness.enrollments.some((e) => !e.applied_on.endsWith("-01")) && r.lc.card !== null && r.jsg.participations.length > 0 && r.mc.sessions.length > 0,
        "person with history in every program",
      );
      const seen = await graphql(HISTORY, { id: pseudonyms.pseudonym(p.id) }, { as: analyst });
      const exact = await graphql(HISTORY, { id: p.id });
      expect(seen.errors).toBeUndefined();
      expect(exact.errors).toBeUndefined();
      const exactDates = datesIn(exact.data);
      expect(exactDates.some((d) => !d.endsWith("-01"))).toBe(true);
      expect(exactDates).toContain(programRecordsOf(p).ness.enrollments.find((e) => !e.applied_on.endsWith("-01"))!.applied_on);
      // The same dates, each as its month's first day, and no other date anywhere (texts included).
      expect(datesIn(seen.data)).toEqual(exactDates.map(monthStart).sort());
    });

    it("eligibility on any day of a month is the answer on its first day (an event's day cannot be bisected)", async () => {
      const { p } = firstPerson(inject("testPersons"), (r) => levelOf(r.p) < 6 && r.ness.enrollments.length > 0 && r.lc.card !== null, "person with NESS and card history");
      const days = ["2026-03-01", "2026-03-02", "2026-03-16", "2026-03-31"];
      const fields = days.map((d, i) => `d${i}: eligibility(asOf: "${d}") { asOf eligible track reasons { rule passed observed threshold } }`).join(" ");
      const query = `query($id: ID!) { person(id: $id) { ${PROGRAMS.map((program) => `${program} { ${fields} }`).join(" ")} } }`;
      const { data, errors } = await graphql(query, { id: pseudonyms.pseudonym(p.id) }, { as: analyst });
      expect(errors).toBeUndefined();
      for (const program of PROGRAMS) {
        const answers = days.map((_, i) => data.person[program][`d${i}`]);
        expect(answers[0].asOf).toBe("2026-03-01");
        for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
      }
    });
  });
});
