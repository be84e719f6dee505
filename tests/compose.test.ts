/** The checked-in schema files are the contract: they must be exactly what composition produces now. */
import { readFileSync } from "node:fs";
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { compose } from "../schema/compose";
import { SUBGRAPH_NAMES } from "../subgraphs";

describe("schema/ is up to date", async () => {
  const { files } = await compose();

  it("has one SDL file per subgraph, the supergraph, the API schema, the partner contract and the partner manifest", () => {
    expect(Object.keys(files).sort()).toEqual(
      [...SUBGRAPH_NAMES.map((n) => `schema/${n}.graphql`), "schema/supergraph.graphql", "schema/api.graphql", "schema/partner.graphql", "persisted-queries/partner-agencies.json"].sort(),
    );
  });

  it.each(Object.keys(files))("%s matches `npm run compose`", (name) => {
    const checkedIn = readFileSync(new URL(`../${name}`, import.meta.url), "utf8");
    expect(checkedIn, `${name} is stale: run \`npm run compose\` and commit the result`).toBe(files[name]);
  });

  it("describes every type, field, argument and enum value of the public API", () => {
    const undocumented: string[] = [];
    for (const definition of parse(files["schema/supergraph.graphql"]).definitions) {
      // Skipped: federation's own elements (`_Any`...) and the linked specs' namespaced ones (join__Graph, policy__Policy...).
      if (!("name" in definition) || !definition.name || /^_|__/.test(definition.name.value)) continue;
      const typeName = definition.name.value;
      if (definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
      if (typeName !== "Query" && typeName !== "Mutation" && !("description" in definition && definition.description)) undocumented.push(typeName);
      const members = [
        ...("fields" in definition ? (definition.fields ?? []) : []),
        ...("values" in definition ? (definition.values ?? []) : []),
      ] as any[];
      for (const member of members) {
        if (member.name.value.startsWith("_")) continue;
        if (!member.description) undocumented.push(`${typeName}.${member.name.value}`);
        for (const arg of member.arguments ?? []) if (!arg.description) undocumented.push(`${typeName}.${member.name.value}(${arg.name.value})`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
