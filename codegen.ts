/**
 * `npm run codegen`: TypeScript types for the documented operations (operations/**\/*.graphql) from
 * the API schema clients see (schema/api.graphql), with GraphQL Code Generator's client preset.
 * The output is checked in and type-checked with the rest; CI runs `npm run codegen -- --check`.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema/api.graphql",
  documents: ["operations/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "operations/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: "string" },
        documentMode: "string",
      },
    },
  },
};
export default config;
