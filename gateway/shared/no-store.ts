/**
 * A person's data (a private cache policy: `PERSONAL_DATA` on every personal type) goes out with
 * `Cache-Control: no-store`, whether or not the gateway's personal cache is on: the gateway may keep
 * it for the same caller (personal-cache.ts), browsers and proxies may not (a counsellor's shared
 * desk computer must not hold it). Listed after the response cache, whose private hint it replaces.
 */
import type { ApolloServerPlugin } from "@apollo/server";

export function noStoreForPersonalData<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, overallCachePolicy }) {
          if (overallCachePolicy.policyIfCacheable()?.scope === "PRIVATE") response.http.headers.set("cache-control", "no-store");
        },
      };
    },
  };
}
