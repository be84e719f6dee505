/** The pure parts of a trustworthy access log: where audit:verify looks, staff accounts, signed chain heads, the gateway's request ids. */
import { describe, expect, it } from "vitest";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { accessDatabaseUrl } from "../../platform/audit/access-database";
import { callerFromClaims } from "../../gateway/auth/claims";
import { checkpointSigner, checkpointVerifier } from "../../platform/audit/checkpoint";
import { newRequestId } from "../../gateway/request-facts";

describe("audit:verify's access store", () => {
  it("is ACCESS_DATABASE_URL, else DATABASE_URL, else the embedded store on PGLITE_PORT (default 5433)", () => {
    expect(accessDatabaseUrl({ ACCESS_DATABASE_URL: "postgres://a/x", DATABASE_URL: "postgres://d/y", PGLITE_PORT: "6000" })).toBe("postgres://a/x");
    expect(accessDatabaseUrl({ DATABASE_URL: "postgres://d/y", PGLITE_PORT: "6000" })).toBe("postgres://d/y");
    expect(accessDatabaseUrl({ PGLITE_PORT: "6543" })).toBe("postgres://postgres@127.0.0.1:6543/postgres");
    expect(accessDatabaseUrl({})).toBe("postgres://postgres@127.0.0.1:5433/postgres");
  });

  it("refuses a PGLITE_PORT that is not a port", () => {
    for (const port of ["abc", "0", "70000", "54.3"]) expect(() => accessDatabaseUrl({ PGLITE_PORT: port })).toThrow(/PGLITE_PORT must be a port/);
  });
});

describe("staff tokens name their account", () => {
  it.each([
    { role: "counsellor", centers: ["gumi"] },
    { role: "analyst" },
    { role: "partner", partner: "seoul-50plus", purpose: "job matching" },
    { role: "analyst", sub: "   " },
  ])("%o without sub: UNAUTHENTICATED, reason MISSING_SUBJECT", (claims) => {
    let error: unknown;
    try {
      callerFromClaims(claims);
    } catch (e) {
      error = e;
    }
    expect((error as { extensions?: Record<string, unknown> }).extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "MISSING_SUBJECT" });
  });

  it("with sub: the caller's subject is that account", () => {
    expect(callerFromClaims({ role: "analyst", sub: "stat-7" }).subject).toBe("stat-7");
  });
});

describe("signed chain heads", () => {
  const keys = () => {
    const dir = mkdtempSync(join(tmpdir(), "naeil-checkpoint-"));
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    writeFileSync(join(dir, "private.pem"), privateKey.export({ type: "pkcs8", format: "pem" }));
    writeFileSync(join(dir, "public.pem"), publicKey.export({ type: "spki", format: "pem" }));
    return { AUDIT_SIGNING_KEY_FILE: join(dir, "private.pem"), AUDIT_VERIFY_KEY_FILE: join(dir, "public.pem") };
  };

  it("verify with the public key alone, and fail for any other chain, seq, hash or key", async () => {
    const env = keys();
    const sign = await checkpointSigner({ AUDIT_SIGNING_KEY_FILE: env.AUDIT_SIGNING_KEY_FILE });
    const verify = await checkpointVerifier({ AUDIT_VERIFY_KEY_FILE: env.AUDIT_VERIFY_KEY_FILE });
    const signature = sign("people:1", 12, "ab".repeat(32));
    expect(verify("people:1", 12, "ab".repeat(32), signature)).toBe(true);
    expect(verify("people:1", 12n, "ab".repeat(32), signature)).toBe(true);
    expect(verify("people:2", 12, "ab".repeat(32), signature)).toBe(false);
    expect(verify("people:1", 11, "ab".repeat(32), signature)).toBe(false);
    expect(verify("people:1", 12, "cd".repeat(32), signature)).toBe(false);
    expect(verify("people:1", 12, "ab".repeat(32), "not a signature")).toBe(false);
    const otherVerify = await checkpointVerifier({ AUDIT_VERIFY_KEY_FILE: keys().AUDIT_VERIFY_KEY_FILE });
    expect(otherVerify("people:1", 12, "ab".repeat(32), signature)).toBe(false);
  });

  it("refuse a key that is not Ed25519", async () => {
    const dir = mkdtempSync(join(tmpdir(), "naeil-checkpoint-"));
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    writeFileSync(join(dir, "ec.pem"), privateKey.export({ type: "pkcs8", format: "pem" }));
    await expect(checkpointSigner({ AUDIT_SIGNING_KEY_FILE: join(dir, "ec.pem") })).rejects.toThrow(/not an Ed25519/);
  });
});

describe("the gateway's request id", () => {
  it("is a fresh random UUID every time", () => {
    const ids = new Set(Array.from({ length: 1000 }, newRequestId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
