/** The threshold rule with secondary suppression, on tables worked out by hand. */
import { describe, expect, it } from "vitest";
import { suppress } from "../../subgraphs/statistics/disclosure";

const table = (rows: [string[], number][]) => rows.map(([keys, count]) => ({ keys, count }));

describe("suppress", () => {
  it("leaves a table with no small cell alone", () => {
    expect(suppress(table([[["a"], 10], [["b"], 25]]), 10)).toEqual([false, false]);
  });

  it("one-way: a lone small cell takes the next smallest with it (else total minus the rest gives it away)", () => {
    expect(suppress(table([[["a"], 3], [["b"], 40], [["c"], 12], [["d"], 30]]), 10)).toEqual([true, false, true, false]);
  });

  it("one-way: two small cells protect each other", () => {
    expect(suppress(table([[["a"], 3], [["b"], 4], [["c"], 50]]), 10)).toEqual([true, true, false]);
  });

  it("two-way: the partner cells chosen in a row open a column, which is closed in turn", () => {
    //        x    y    z
    // r1     2   20   30
    // r2    15   11   40
    // r3    50   60   70
    const cells = table([
      [["r1", "x"], 2], [["r1", "y"], 20], [["r1", "z"], 30],
      [["r2", "x"], 15], [["r2", "y"], 11], [["r2", "z"], 40],
      [["r3", "x"], 50], [["r3", "y"], 60], [["r3", "z"], 70],
    ]);
    // r1: x primary, y its partner (20 < 30). Column x: r2.x (15) partners r1.x; column y: r2.y (11)
    // partners r1.y. Row r2 then holds x and y: two, done. Every row and column has 0 or 2 hidden.
    expect(suppress(cells, 10)).toEqual([true, true, false, true, true, false, false, false, false]);
  });

  it("a line whose only cell is small needs no partner in it (its margin is that cell, itself under the threshold); its column still does", () => {
    // r1 holds only x (4): no partner in r1. Column x: r2.x (30) partners it; row r2 then: r2.y (40).
    expect(suppress(table([[["r1", "x"], 4], [["r2", "y"], 40], [["r2", "x"], 30]]), 10)).toEqual([true, true, true]);
  });

  it("never suppresses an empty cell, nor uses one as the partner", () => {
    expect(suppress(table([[["a"], 0], [["b"], 5], [["c"], 20], [["d"], 30]]), 10)).toEqual([false, true, true, false]);
  });
});
