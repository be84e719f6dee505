/**
 * The partner contract: the part of the graph partner agencies see. Types and fields tagged
 * `@tag(name: "partner")` in the subgraphs form it (a type's tag covers its fields; a field tagged
 * `internal` stays out even then); the gateway derives the contract schema from these tags and
 * validates and introspects partners' operations against it (gateway/contract/).
 */
export const PARTNER_TAG = "partner";
export const INTERNAL_TAG = "internal";
export const PARTNER = `@tag(name: "${PARTNER_TAG}")`;
export const INTERNAL = `@tag(name: "${INTERNAL_TAG}")`;
