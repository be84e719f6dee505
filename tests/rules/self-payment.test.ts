/** The trainee's share of tuition and the training allowance, at and beside each band and cap (parameters of the learning card). */
import { describe, expect, it } from "vitest";
import { selfPaymentFor, selfPaymentRate, trainingAllowance } from "../../subgraphs/learning-card/rules/self-payment";

const ON = "2026-06-01";
const general = (placement_rate: number) => selfPaymentRate({ placement_rate, key_industry: false }, ON);

describe("learning card self-payment", () => {
  it("goes by the course's placement rate: 15% from 70%, 55% under 40%, 10-point bands between (assumed)", () => {
    expect([100, 70, 69, 60, 59, 50, 49, 40, 39, 0].map(general)).toEqual([15, 15, 25, 25, 35, 35, 45, 45, 55, 55]);
  });

  it("caps key-industry courses at 10% and 600,000 KRW", () => {
    expect(selfPaymentRate({ placement_rate: 30, key_industry: true }, ON)).toBe(10);
    expect(selfPaymentRate({ placement_rate: 75, key_industry: true }, ON)).toBe(10);
    expect(selfPaymentFor({ placement_rate: 30, key_industry: true, tuition: 6_000_000 }, ON)).toBe(600_000);
    expect(selfPaymentFor({ placement_rate: 30, key_industry: true, tuition: 6_000_010 }, ON)).toBe(600_000);
    expect(selfPaymentFor({ placement_rate: 30, key_industry: true, tuition: 5_999_990 }, ON)).toBe(599_999);
    expect(selfPaymentFor({ placement_rate: 30, key_industry: false, tuition: 2_000_000 }, ON)).toBe(1_100_000);
  });

  it("is 0% for NESS Type I participants", () => {
    expect(selfPaymentRate({ placement_rate: 10, key_industry: false }, ON, true)).toBe(0);
    expect(selfPaymentFor({ placement_rate: 10, key_industry: false, tuition: 2_000_000 }, ON, true)).toBe(0);
  });

  it("pays the training allowance from 80% attendance: 5,800 a day up to 116,000 a month; key industries 10,000 up to 200,000", () => {
    expect(trainingAllowance(19, 80, false, ON)).toBe(110_200);
    expect(trainingAllowance(20, 80, false, ON)).toBe(116_000);
    expect(trainingAllowance(21, 100, false, ON)).toBe(116_000);
    expect(trainingAllowance(20, 79, false, ON)).toBe(0);
    expect(trainingAllowance(19, 80, true, ON)).toBe(190_000);
    expect(trainingAllowance(21, 80, true, ON)).toBe(200_000);
  });

  it("has its figures from 2021 and none before", () => {
    expect(general(70)).toBe(selfPaymentRate({ placement_rate: 70, key_industry: false }, "2021-01-01"));
    expect(() => selfPaymentRate({ placement_rate: 70, key_industry: false }, "2020-12-31")).toThrow(/2021-01-01/);
  });
});
