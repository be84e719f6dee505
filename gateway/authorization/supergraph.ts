/**
 * @apollo/gateway refuses a supergraph whose @authenticated, @requiresScopes or @policy features are
 * linked `for: SECURITY`: it cannot enforce them, and serving such a graph unenforced would be
 * unsafe. This gateway enforces them itself (executor.ts, before planning), so the SDL handed to
 * @apollo/gateway drops `for: SECURITY` from those three links only. Never call this without
 * installing the authorizing executor.
 */
const ENFORCED_HERE = ["authenticated", "requiresScopes", "policy"];

export function supergraphForEnforcingGateway(supergraphSdl: string): string {
  let sdl = supergraphSdl;
  for (const feature of ENFORCED_HERE) {
    sdl = sdl.replace(
      new RegExp(`(@link\\(url: "https://specs\\.apollo\\.dev/${feature}/v[0-9.]+"), for: SECURITY\\)`),
      "$1)",
    );
  }
  return sdl;
}
