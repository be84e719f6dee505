/**
 * Every documented operation (operations/<audience>/*.graphql) runs against the default data with
 * the token its file names, and answers what the synthetic generators say it must. Partner
 * operations are sent exactly as registered (persisted-queries/, made from the same files), after
 * the person gave the consent the file names.
 */
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { graphql, skipReason } from "../setup/graphql";
import { readCatalogue, type CatalogueOperation } from "../../operations/catalogue";
import { readManifestDir, sha256 } from "../../gateway/shared/safelist";
import { DEFAULT_PERSISTED_QUERIES_DIR } from "../../gateway/config";
import { syntheticPerson, syntheticPersons } from "../../subgraphs/kit/synthetic/person";
import { CENTERS } from "../../platform/reference/centers";
import { ageOn, todayInKorea } from "../../platform/dates";
import { analystLevels, programRecordsOf } from "../setup/population";

const catalogue = readCatalogue();
const byName = new Map(catalogue.map((o) => [o.name, o]));

/** Runs a catalogue operation as written, with its token (and, for a partner, after the person's consent). */
async function run(operation: CatalogueOperation) {
  if (operation.consent) {
    const personId = operation.variables?.id as string;
    const granted = await graphql(`mutation ($consent: ConsentInput!) { grantConsent(consent: $consent) { active } }`, { consent: operation.consent }, { as: { role: "citizen", sub: personId } });
    expect(granted.errors).toBeUndefined();
  }
  return graphql(operation.body, operation.variables, { as: operation.claims ?? "anonymous" });
}

const personOf = (operation: CatalogueOperation) => programRecordsOf(syntheticPerson(Number(String(operation.variables?.id ?? operation.claims?.sub).slice(1))));

describe.skipIf(skipReason())("operations/: the documented operations", () => {
  it("covers every audience, and every partner operation is registered exactly as written", () => {
    expect(new Set(catalogue.map((o) => o.audience))).toEqual(new Set(["public", "citizen", "counsellor", "analyst", "partner"]));
    const registered = new Map(readManifestDir(DEFAULT_PERSISTED_QUERIES_DIR).map((o) => [o.name, o]));
    for (const operation of catalogue.filter((o) => o.audience === "partner")) {
      expect(registered.get(operation.name), operation.name).toEqual({ id: sha256(operation.body), name: operation.name, type: "query", body: operation.body });
    }
  });

  it.each(catalogue.map((o) => [o.path, o] as const))("%s answers without an error", async (_path, operation) => {
    const { status, data, errors } = await run(operation);
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data).toBeTruthy();
  });

  it("EmploymentCenters and EligibilityRules: the network's centers and the program asked for", async () => {
    const centers = await run(byName.get("EmploymentCenters")!);
    expect(centers.data.employmentCenters.map((c: { id: string }) => c.id).sort()).toEqual(CENTERS.map((c) => c.id).sort());
    const rules = await run(byName.get("EligibilityRules")!);
    expect(rules.data.eligibilityRules.program).toBe("LEARNING_CARD");
    expect(rules.data.eligibilityRules.rules.map((r: { rule: string }) => r.rule)).toContain("learning-card.excluded.age");
  });

  it("WhatIf: TYPE_II on the 2025 figures, TYPE_I_SCREENED with 800,000 KRW for 6 months on the 2026 figures", async () => {
    const { data } = await run(byName.get("WhatIf")!);
    expect(data.simulatePerson.y2025.eligibility).toEqual({ eligible: true, track: "TYPE_II" });
    expect(data.simulatePerson.y2026.eligibility.track).toBe("TYPE_I_SCREENED");
    expect(data.simulatePerson.y2026.eligibility.benefits).toContainEqual({ kind: "JOB_SEEKING_ALLOWANCE", amountPerMonth: 800000, months: 6 });
  });

  it("CounsellorView and PersonOverview: the person of the file, in all four programs, for their center's counsellor", async () => {
    for (const name of ["CounsellorView", "PersonOverview"]) {
      const operation = byName.get(name)!;
      const { p, ness, jsg, mc, lc } = personOf(operation);
      expect(operation.claims!.centers).toEqual([p.centerId]);
      const { data } = await run(operation);
      const person = data.person;
      expect(person.name).toBe(p.name);
      expect(person.age).toBe(ageOn(p.birthDate, todayInKorea()));
      expect(person.center.name).toBe(CENTERS.find((c) => c.id === p.centerId)!.name);
      expect(person.nationalEmploymentSupport.enrollments).toHaveLength(ness.enrollments.length);
      expect(person.midCareerSupport.careerDesignSessions.map((s: { heldOn: string }) => s.heldOn).sort()).toEqual(mc.sessions.map((s) => s.held_on).sort());
      expect(person.learningCard.card.grantTotal).toBe(lc.card!.grant_total);
      if (name === "PersonOverview") expect(person.jobSearchGuarantee.participations).toHaveLength(jsg.participations.length);
    }
    const view = (await run(byName.get("CounsellorView")!)).data.person;
    expect(view.eligibilitySummary.map((e: { program: string }) => e.program)).toEqual(["NATIONAL_EMPLOYMENT_SUPPORT", "JOB_SEARCH_GUARANTEE", "MID_CAREER_SUPPORT", "LEARNING_CARD"]);
    expect(view.timeline.length).toBeGreaterThan(0);
  });

  it("MyRecord: the citizen's own record, consents and access log", async () => {
    const operation = byName.get("MyRecord")!;
    const { p } = personOf(operation);
    const { data } = await run(operation);
    expect(data.me.id).toBe(p.id);
    expect(data.me.name).toBe(p.name);
    expect(Array.isArray(data.me.consents)).toBe(true);
    // Reading one's own record is itself logged: the entry just written is there.
    const again = await run(operation);
    expect(again.data.me.accessLog.length).toBeGreaterThan(0);
  });

  it("AgeBandPage: the Gumi center's persons aged 50-59, pseudonymised, counted as generated", async () => {
    const operation = byName.get("AgeBandPage")!;
    const today = todayInKorea();
    // As an analyst counts them: the age reached this year, and only persons whose center the analyst's
    // view releases (k-anonymity levels 0-3: tests/setup/population.ts).
    const levels = analystLevels(inject("testPersons"));
    const year = Number(today.slice(0, 4));
    const expected = syntheticPersons(inject("testPersons")).filter(
      (p) => p.centerId === "gumi" && levels.get(p.id)! < 4 && year - Number(p.birthDate.slice(0, 4)) >= 50 && year - Number(p.birthDate.slice(0, 4)) <= 59,
    );
    const { data } = await run(operation);
    expect(expected.length).toBeGreaterThan(0);
    expect(data.persons.totalCount).toBe(expected.length);
    const nodes = data.persons.edges.map((e: { node: { id: string; age: number } }) => e.node);
    expect(nodes).toHaveLength(Math.min(expected.length, 100));
    for (const node of nodes) {
      expect(node.id).toMatch(/^anon-/);
      expect(node.age).toBeGreaterThanOrEqual(50);
      expect(node.age).toBeLessThanOrEqual(59);
    }
  });

  it("PartnerLearningCard and PartnerMidCareer: the consenting person's program, as registered", async () => {
    const learning = byName.get("PartnerLearningCard")!;
    const { p, lc, mc } = personOf(learning);
    const card = (await run(learning)).data.person;
    expect(card.id).toBe(p.id);
    expect(card.learningCard.card).toMatchObject({ status: lc.card!.status, grantTotal: lc.card!.grant_total, expiresOn: lc.card!.expires_on });
    const midCareer = (await run(byName.get("PartnerMidCareer")!)).data.person;
    expect(midCareer.midCareerSupport.careerDesignSessions.map((s: { heldOn: string }) => s.heldOn).sort()).toEqual(mc.sessions.map((s) => s.held_on).sort());
  });
});
