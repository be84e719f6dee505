/**
 * Query limits measure what the operation will do: fragments expanded before counting, cost from the
 * values execution will see (variables, their defaults, the schema's defaults), lists sized from what
 * the schema and the data say, and type conditions on one object counted as alternatives. The cheap
 * limits run before graphql-js validation.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSchema, getIntrospectionQuery, parse, specifiedRules, type ValidationRule } from "graphql";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import http from "node:http";
import { limitsBeforeValidation } from "../../gateway/limits/before-validation";
import { Supergraph } from "@apollo/federation-internals";
import { operationCost } from "../../gateway/limits/query-cost";
import { documentShapes } from "../../gateway/limits/document-shape";
import { queryLimitsPlugin, shapeRejection } from "../../gateway/limits/query-limits";
import { budgetsFromEnv } from "../../gateway/limits/budgets";
import type { Caller } from "../../platform/security/caller";

const api = Supergraph.build(readFileSync(new URL("../../schema/supergraph.graphql", import.meta.url), "utf8"), { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
const budgets = budgetsFromEnv({});
const shapeOf = (query: string) => [...documentShapes(parse(query)).values()];
const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string) => operationCost(api, parse(query), operationName, variables);

describe("document shape (before validation)", () => {
  const twelve = Array.from({ length: 12 }, (_, i) => `r${i}: partnerAgencies { id }`).join(" ");

  it("counts root fields behind a named fragment", () => {
    const [shape] = shapeOf(`{ ...F } fragment F on Query { ${twelve} }`);
    expect(shape.rootFields).toBe(12);
    expect(shape.aliases).toBe(12);
    expect(shapeRejection([shape], budgets.anonymous)).toEqual({ limit: "rootFields", max: 5, measured: 12 });
  });

  it("counts root fields behind an inline fragment", () => {
    expect(shapeRejection(shapeOf(`{ ... on Query { ${twelve} } }`), budgets.anonymous)).toEqual({ limit: "rootFields", max: 5, measured: 12 });
    expect(shapeRejection(shapeOf(`{ ... { ${twelve} } }`), budgets.anonymous)).toEqual({ limit: "rootFields", max: 5, measured: 12 });
  });

  it("counts depth and fields through fragments spread in fragments, each as often as it is spread", () => {
    const [shape] = shapeOf("{ ...A } fragment A on Query { a: employmentCenters { ...B } b: employmentCenters { ...B } } fragment B on EmploymentCenter { persons { edges { node { id name } } } }");
    // a, b; each: persons, edges, node, id, name
    expect(shape).toEqual({ rootFields: 2, fields: 12, aliases: 2, depth: 5, directives: 0, repeats: 1 });
  });

  it("measures fragments that multiply each other as the operation they expand to, in linear time", () => {
    const levels = 12; // F0 spreads F1 twice, F1 spreads F2 twice...: 2^12 copies of the innermost field
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`).join(" ");
    const [shape] = shapeOf(`{ ...F0 } ${fragments} fragment F${levels} on Query { __typename }`);
    expect(shape.fields).toBe(2 ** levels);
    expect(shapeRejection([shape], budgets.analyst)).toMatchObject({ limit: "rootFields" });
  });

  it("bounds how often one response name is repeated in a selection set, through fragments", () => {
    // Validation compares every pair of same-named fields: 300 with differing arguments took seconds.
    const repeated = `{ employmentCenters { ${Array.from({ length: 100 }, (_, i) => `persons(first: ${i % 7}) { totalCount }`).join(" ")} } }`;
    expect(shapeRejection(shapeOf(repeated), budgets.analyst)).toEqual({ limit: "repeats", max: 16, measured: 100 });
    const throughFragments = `{ employmentCenters { ...A ...B ... on EmploymentCenter { id } } } fragment A on EmploymentCenter { id ...B } fragment B on EmploymentCenter { ${Array.from({ length: 8 }, () => "id").join(" ")} }`;
    // id: 1 (inline) + A (1 + 8) + B (8) = 18
    expect(shapeRejection(shapeOf(throughFragments), budgets.analyst)).toEqual({ limit: "repeats", max: 16, measured: 18 });
    expect(shapeRejection(shapeOf("{ employmentCenters { id ...A } } fragment A on EmploymentCenter { id name }"), budgets.anonymous)).toBeNull();
  });

  it("bounds the fields of a document for each audience", () => {
    const siblings = `{ employmentCenters { ${Array.from({ length: 900 }, () => "id").join(" ")} } }`;
    expect(shapeRejection(shapeOf(siblings), budgets.anonymous)).toEqual({ limit: "fields", max: 300, measured: 901 });
    expect(shapeRejection(shapeOf(siblings), budgets.analyst)).toEqual({ limit: "repeats", max: 16, measured: 900 });
    const distinct = `{ employmentCenters { ${Array.from({ length: 900 }, (_, i) => `f${i}: id`).join(" ")} } }`;
    expect(shapeRejection(shapeOf(distinct), { ...budgets.analyst, aliases: 1000 })).toBeNull();
  });
});

describe("cost of what the execution will do", () => {
  const page = "persons(first: $f) { edges { node { id learningCard { card { balance } } } } }"; // 1 + f x (1 + 1 + 1 + 1 + 1 + 1)
  it("takes a page size from a variable's default as from a literal", () => {
    const literal = cost(`{ ${Array.from({ length: 10 }, (_, i) => `p${i}: ${page.replace("$f", "100")}`).join(" ")} }`);
    const fromDefault = cost(`query($f: Int = 100) { ${Array.from({ length: 10 }, (_, i) => `p${i}: ${page}`).join(" ")} }`);
    expect(literal).toBe(10 * (1 + 100 * 6));
    expect(fromDefault).toBe(literal);
    expect(cost(`query($f: Int = 100) { ${page} }`, { f: 3 })).toBe(1 + 3 * 6);
  });

  it("sizes a connection with no page argument by the schema's default (persons: 20)", () => {
    expect(cost("{ persons { edges { node { id } } } }")).toBe(1 + 20 * 3);
  });

  it("sizes an unpaged list from what the data holds (40 employment centers)", () => {
    expect(cost("{ employmentCenters { id name } }")).toBe(1 + 40 * 2);
  });

  it("counts 15 aliased course pages of a variable default at their real size", () => {
    const query = `query($n: Int = 200) { ${Array.from({ length: 15 }, (_, i) => `c${i}: trainingCourses(first: $n) { id title }`).join(" ")} }`;
    expect(cost(query)).toBe(15 * (1 + 200 * 2));
    expect(cost("{ trainingCourses { id } }")).toBe(1 + 50 * 1); // the schema's default page, 50
  });

  it("does not charge introspection, which reads the schema and not the data", () => {
    expect(cost(getIntrospectionQuery())).toBe(0);
    expect(cost("{ __typename employmentCenters { __typename id } }")).toBe(1 + (1 + 40 * 2));
  });

  it("refuses variables that do not fit their types as execution would", () => {
    expect(() => cost(`query($f: Int) { ${page} }`, { f: "many" })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }));
  });
});

describe("type conditions on one object are alternatives", () => {
  const schema = buildSchema(`
    interface Account { id: ID! }
    type User implements Account { id: ID! similarAccounts: [Account!]! }
    type Admin implements Account { id: ID! similarAccounts: [Account!]! }
    type Product { id: ID! categories: [Category!]! }
    type Category { id: ID! subCategories: [String!]! }
    type Query { me: Account products: [Product!]! }
  `);
  const measure = (query: string) => operationCost(schema, parse(query), undefined, {});

  it("counts the costlier branch, not both", () => {
    const user = "... on User { similarAccounts { id ... on User { similarAccounts { id } } } }";
    const admin = "... on Admin { similarAccounts { id ... on Admin { similarAccounts { id } } } }";
    const one = measure(`{ me { ${user} } }`);
    expect(one).toBe(1 + (1 + 10 * (1 + (1 + 10 * 1))));
    expect(measure(`{ me { ${user} ${admin} } }`)).toBe(one);
  });

  it("does not multiply a list of scalars", () => {
    expect(measure("{ products { categories { subCategories } } }")).toBe(1 + 10 * (1 + 10 * 1));
  });
});

describe("the limits plugin in Apollo Server", () => {
  const schema = buildSchema("type Query { hello: String, n: Int, me: Me } type Me { hello: String }");
  let validations = 0;
  const countingRule: ValidationRule = () => {
    validations++;
    return {};
  };
  type Context = { caller: Caller };
  const server = new ApolloServer<Context>({
    schema,
    validationRules: [countingRule],
    plugins: [queryLimitsPlugin<Context>(budgets, (context) => context.caller, () => {})],
  });
  const checkDocument = limitsBeforeValidation(budgets);
  let url = "";
  let httpServer: http.Server;
  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };
  };
  beforeAll(async () => {
    await server.start();
    const app = express();
    app.use("/graphql", express.json(), expressMiddleware(server, {
      // As the gateway does (gateway/server.ts): the caller first, then the document's cheap limits.
      context: async ({ req }) => {
        const context = { caller: { audience: "anonymous" } as Caller };
        checkDocument(req, context.caller.audience, () => {});
        return context;
      },
    }));
    httpServer = await new Promise<http.Server>((resolve) => { const s = app.listen(0, "127.0.0.1", () => resolve(s)); });
    url = `http://127.0.0.1:${(httpServer.address() as { port: number }).port}/graphql`;
  });
  afterAll(async () => {
    await server.stop();
    httpServer.close();
  });

  it("refuses 900 sibling fields before graphql-js validation runs", async () => {
    validations = 0;
    const siblings = `{ me { ${Array.from({ length: 900 }, () => "hello").join(" ")} } }`;
    const refused = await post({ query: siblings });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: "QUERY_LIMIT_EXCEEDED", limit: "fields", max: 300, measured: 901 })]);
    expect(validations).toBe(0);
    // A document within the limits is validated (the counting rule runs with the specified ones).
    const fine = await post({ query: "{ me { hello } }" });
    expect(fine.body, JSON.stringify(fine.body)).toEqual({ data: { me: null } });
    expect(validations).toBe(1);
    expect(specifiedRules.length).toBeGreaterThan(0);
  });

  it("answers an operationName that names no operation with 400 and a clear error", async () => {
    const refused = await post({ query: "query A { hello } query B { n }", operationName: "C" });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ message: 'Unknown operation named "C": this document defines A, B.', extensions: expect.objectContaining({ code: "OPERATION_RESOLUTION_FAILURE" }) }),
    ]);
  });
});
