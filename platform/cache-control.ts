/**
 * Cache hints (Apollo's @cacheControl), declared on the types they govern. Each subgraph's Apollo
 * Server turns the hints of an answer into its Cache-Control header; the gateway combines them (the
 * strictest wins: the shortest maxAge, PRIVATE over PUBLIC) and caches by the result:
 *   PUBLIC_DATA    public data (centers, courses, published rules, partner agencies): shared by every
 *                  caller for 5 minutes (gateway: @apollo/server-plugin-response-cache).
 *   PERSONAL_DATA  a person's data: reused only by the same caller, for 30 seconds at most, and every
 *                  reuse leaves its own access record (gateway/shared/personal-cache.ts).
 *   no hint        maxAge 0: never cached. Consents and the access log stay live (a citizen must see a
 *                  revocation, and every access, at once).
 */
export const PUBLIC_MAX_AGE_SECONDS = 300;
export const PUBLIC_DATA = `@cacheControl(maxAge: ${PUBLIC_MAX_AGE_SECONDS})`;

export const PERSONAL_MAX_AGE_SECONDS = 30;
export const PERSONAL_DATA = `@cacheControl(maxAge: ${PERSONAL_MAX_AGE_SECONDS}, scope: PRIVATE)`;

/** The directive's definition, added to every subgraph's SDL (it is not part of the federation spec). */
export const CACHE_CONTROL_DEFINITIONS = `
directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
"""Who may share a cached answer (internal: for cache hints only)."""
enum CacheControlScope @inaccessible {
  """Anyone may share it."""
  PUBLIC
  """Only the same caller may reuse it."""
  PRIVATE
}
`;
