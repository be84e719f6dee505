/**
 * Cache hints (Apollo's @cacheControl) for what is safe to share: public data only (centers, courses,
 * published rules, partner agencies). Each subgraph's Apollo Server turns the hints of an answer into
 * its Cache-Control header; the gateway combines them (the strictest wins) and its response cache
 * keeps only answers whose every field is public. A person's data carries no hint (maxAge 0), so an
 * answer holding any is never cached: it would otherwise leave without an access record.
 */
export const PUBLIC_MAX_AGE_SECONDS = 300;
export const PUBLIC_DATA = `@cacheControl(maxAge: ${PUBLIC_MAX_AGE_SECONDS})`;

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
