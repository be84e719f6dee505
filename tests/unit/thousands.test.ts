import { describe, expect, it } from "vitest";
import { thousands } from "../../subgraphs/kit/thousands";

describe("thousands", () => {
  it("writes whole numbers as Intl's en-US format does", () => {
    const values = [0, 1, 12, 123, 999, 1000, 1001, 99_999, 100_000, 999_999, 1_000_000, 2_564_238, 325_000_000, 4_000_000_000, Number.MAX_SAFE_INTEGER];
    // and a spread of others, negatives too
    for (let x = 1; x < 1e15; x = x * 7 + 3) values.push(x, -x);
    for (const value of values) expect(thousands(value), String(value)).toBe(value.toLocaleString("en-US"));
  });
});
