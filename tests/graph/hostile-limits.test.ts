/**
 * Hostile documents that a limit must see as what they are, through the real gateway: root fields
 * behind fragments, page sizes from variables' defaults and the schema's defaults, lists sized from
 * the data, thousands of sibling fields (refused before validation), an operationName naming nothing,
 * a NUL character in a filter or id, and the operations endpoints kept off the public port.
 * Expected costs are computed by hand in the comments: every field 1, times the lists it sits in.
 */
import { describe, expect, inject, it } from "vitest";
import { graphql, skipReason } from "../setup/graphql";

const post = async (body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(inject("gatewayUrl"), { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } };
};
const limit = (errors: { extensions?: Record<string, any> }[] | undefined) => errors?.map((e) => ({ code: e.extensions?.code, limit: e.extensions?.limit, max: e.extensions?.max, measured: e.extensions?.measured }));

describe.skipIf(skipReason())("limits count what executes", () => {
  const twelve = Array.from({ length: 12 }, (_, i) => `r${i}: partnerAgencies { id }`).join(" ");

  it("counts root fields behind a named fragment", async () => {
    const { status, body } = await post({ query: `{ ...F } fragment F on Query { ${twelve} }` });
    expect(status).toBe(400);
    expect(limit(body.errors)).toEqual([{ code: "QUERY_LIMIT_EXCEEDED", limit: "rootFields", max: 5, measured: 12 }]);
  });

  it("counts root fields behind an inline fragment", async () => {
    const { status, body } = await post({ query: `{ ... on Query { ${twelve} } }` });
    expect(status).toBe(400);
    expect(limit(body.errors)).toEqual([{ code: "QUERY_LIMIT_EXCEEDED", limit: "rootFields", max: 5, measured: 12 }]);
  });

  it("sizes pages from a variable's default as from a literal (anonymous, 5 course pages of 200)", async () => {
    // each page: 1 + 200 x (id + title) = 401; five: 2,005 > 2,000
    const pages = (first: string) => Array.from({ length: 5 }, (_, i) => `c${i}: trainingCourses(first: ${first}) { id title }`).join(" ");
    const literal = await post({ query: `{ ${pages("200")} }` });
    const fromDefault = await post({ query: `query Courses($n: Int = 200) { ${pages("$n")} }` });
    for (const refused of [literal, fromDefault]) {
      expect(refused.status).toBe(400);
      expect(limit(refused.body.errors)).toEqual([{ code: "QUERY_LIMIT_EXCEEDED", limit: "cost", max: 2000, measured: 2005 }]);
    }
    // The variable's value, when sent, is what counts: 5 x (1 + 10 x 2) = 105.
    const small = await post({ query: `query Courses($n: Int = 200) { ${pages("$n")} }`, variables: { n: 10 } });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.c4).toHaveLength(10);
  });

  it("refuses a counsellor ten 100-person pages whose size is a variable's default", async () => {
    // node: 1 + id, name, age (3)
    //   + learningCard 1 + enrollments (1 + 10 x (status 1 + course (1 + title + provider = 3))) = 42
    //   + timeline (1 + 10 x 4) = 41 + nationalEmploymentSupport 1 + enrollments (1 + 10 x 4) = 42  -> 129
    // edges 1 + 129 = 130; persons 1 + 100 x 130 = 13,001; ten pages 130,010 > 50,000
    const node = "id name age learningCard { enrollments { status course { title provider } } } timeline { date program kind description } nationalEmploymentSupport { enrollments { track status stage appliedOn } }";
    const pages = (first: string) => Array.from({ length: 10 }, (_, i) => `p${i}: persons(first: ${first}) { edges { node { ${node} } } }`).join(" ");
    for (const query of [`{ ${pages("100")} }`, `query Pages($f: Int = 100) { ${pages("$f")} }`]) {
      const { status, errors } = await graphql(query);
      expect(status).toBe(400);
      expect(limit(errors)).toEqual([{ code: "QUERY_LIMIT_EXCEEDED", limit: "cost", max: 50_000, measured: 130_010 }]);
    }
  });

  it("sizes an unpaged list by the data (40 centers) and a connection with no first by its default (20)", async () => {
    // per center: id, name, region, focusIndustries (4) + consortiumMembers (1 + 5 x (name + kind)) = 15
    // employmentCenters: 1 + 40 x 15 = 601; four: 2,404 > 2,000
    const centers = Array.from({ length: 4 }, (_, i) => `e${i}: employmentCenters { id name region focusIndustries consortiumMembers { name kind } }`).join(" ");
    const { status, body } = await post({ query: `{ ${centers} }` });
    expect(status).toBe(400);
    expect(limit(body.errors)).toEqual([{ code: "QUERY_LIMIT_EXCEEDED", limit: "cost", max: 2000, measured: 2404 }]);
    // persons with no first: its schema default, 20. Per page: 1 + 20 x (edges 1 + node (1 + id + name + timeline (1 + 10 x 4)))
    // = 1 + 20 x 45 = 901; ten pages 9,010 > a citizen's 5,000
    const persons = Array.from({ length: 10 }, (_, i) => `p${i}: persons { edges { node { id name timeline { date program kind description } } } }`).join(" ");
    const citizen = await graphql(`{ ${persons} }`, undefined, { as: { role: "citizen", sub: "P00000001" } });
    expect(citizen.status).toBe(400);
    expect(limit(citizen.errors)).toEqual([{ code: "QUERY_LIMIT_EXCEEDED", limit: "cost", max: 5000, measured: 10 * (1 + 20 * (1 + (1 + 1 + 1 + 41))) }]);
  });

  it("refuses an analyst's twelve 100-person pages with every program, over the capacity the budget is sized on", async () => {
    // node: id age (2) + NESS 1 + (enrollments 1 + 10 x 4) + (eligibility 1 + 2) = 45; JSG 1 + (1 + 10 x 2) + (1 + 1) = 24;
    // mid-career 1 + (1 + 10 x 2) + (1 + 1) = 24; learning card 1 + (card 1 + 2) + (1 + 1) = 6;
    // timeline 1 + 10 x 4 = 41; networkCase 1 + 3 = 4 -> node 1 + 146 = 147; edges 148; page 1 + 100 x 148 = 14,801
    const node = `id age nationalEmploymentSupport { enrollments { track status stage appliedOn } eligibility { eligible track } }
      jobSearchGuarantee { participations { status currentPhase } eligibility { eligible } }
      midCareerSupport { careerDesignSessions { heldOn kind } eligibility { eligible } }
      learningCard { card { balance status } eligibility { eligible } }
      timeline { date program kind description } networkCase { stage nextStage nextProgram }`;
    const pages = Array.from({ length: 12 }, (_, i) => `p${i}: persons(first: 100, filter: { minAge: ${20 + i} }) { edges { node { ${node} } } }`).join(" ");
    const { status, errors } = await graphql(`{ ${pages} }`, undefined, { as: { role: "analyst" } });
    expect(status).toBe(400);
    expect(limit(errors)).toEqual([{ code: "QUERY_LIMIT_EXCEEDED", limit: "cost", max: 50_000, measured: 12 * 14_801 }]);
  });

  it("refuses 900 sibling fields before validating them", async () => {
    const { status, body } = await post({ query: `{ employmentCenters { ${Array.from({ length: 900 }, () => "id").join(" ")} } }` });
    expect(status).toBe(400);
    expect(limit(body.errors)).toEqual([{ code: "QUERY_LIMIT_EXCEEDED", limit: "fields", max: 300, measured: 901 }]);
  });
});

describe.skipIf(skipReason())("robustness", () => {
  it("answers an operationName that names no operation with 400 and a clear error", async () => {
    const { status, body } = await post({ query: "query A { partnerAgencies { id } } query B { employmentCenters { id } }", operationName: "Nope" });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({ message: 'Unknown operation named "Nope": this document defines A, B.', extensions: expect.objectContaining({ code: "OPERATION_RESOLUTION_FAILURE" }) }),
    ]);
    const none = await post({ query: "query A { partnerAgencies { id } } query B { employmentCenters { id } }" });
    expect(none.status).toBe(400);
    expect(none.body.errors?.[0].extensions?.code).toBe("OPERATION_RESOLUTION_FAILURE");
  });

  it("answers a NUL character in a filter or an id with BAD_USER_INPUT naming it", async () => {
    const literal = await post({ query: '{ trainingCourses(filter: { provider: "a\\u0000b" }) { id } }' });
    expect(literal.body.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(literal.body.errors?.[0].message).toContain("NUL");
    const variable = await graphql("query Person($id: ID!) { person(id: $id) { name } }", { id: "P0000\u00001" });
    expect(variable.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(variable.data?.person ?? null).toBeNull();
    // The gateway is unharmed: the same filter without the NUL answers.
    const fine = await post({ query: '{ trainingCourses(filter: { provider: "ab" }) { id } }' });
    expect(fine.body.errors).toBeUndefined();
  });

  it("serves /metrics on the operations port only", async () => {
    const publicPort = await fetch(inject("gatewayUrl").replace(/\/graphql$/, "/metrics"));
    expect(publicPort.status).toBe(404);
    const operations = await fetch(`${inject("operationsUrl")}/metrics`);
    expect(operations.status).toBe(200);
    expect(await operations.text()).toContain("naeil_gateway_requests_total");
  });
});
