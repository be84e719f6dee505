import { describe, expect, it } from "vitest";
import { Pseudonymizer } from "../../platform/security/pseudonym";

const key = (byte: number) => Buffer.alloc(32, byte);

describe("pseudonyms for the analyst view", () => {
  it("are stable, read back to the person id, and differ per key", () => {
    const a = new Pseudonymizer(key(1));
    const p = a.pseudonym("P00000042");
    expect(p).toMatch(/^anon-[A-Za-z0-9_-]{22}$/);
    expect(a.pseudonym("P00000042")).toBe(p);
    expect(a.personId(p)).toBe("P00000042");
    expect(a.personId(p)).toBe("P00000042"); // the second time from the memo, same answer
    expect(new Pseudonymizer(key(1)).personId(p)).toBe("P00000042");
    expect(new Pseudonymizer(key(2)).pseudonym("P00000042")).not.toBe(p);
  });

  it("refuses what is not a pseudonym of this key", () => {
    const a = new Pseudonymizer(key(1));
    expect(a.personId("P00000042")).toBeNull();
    expect(a.personId("anon-short")).toBeNull();
    const foreign = new Pseudonymizer(key(2)).pseudonym("P00000042");
    expect(a.personId(foreign)).not.toBe("P00000042");
  });

  it("masks every person id inside a text", () => {
    const a = new Pseudonymizer(key(1));
    expect(a.maskText("LCE-P00000042-1 and P00000007")).toBe(`LCE-${a.pseudonym("P00000042")}-1 and ${a.pseudonym("P00000007")}`);
  });
});
