import { describe, expect, it } from "vitest";
import { ageBandsOn } from "../../subgraphs/statistics/dimensions";
import { addDays, ageOn } from "../../platform/dates";

describe("age bands for the population", () => {
  it("reads the same band from the digits as from the age on the day, birthdays and 29 February included", () => {
    for (const asOf of ["2026-12-03", "2028-02-28", "2028-02-29", "2027-01-01", "2026-12-31"]) {
      const bandOf = ageBandsOn(asOf);
      for (let birth = "1940-01-01"; birth <= "2010-12-31"; birth = addDays(birth, 1)) {
        const low = Math.floor(ageOn(birth, asOf) / 10) * 10;
        expect(bandOf(birth), `${birth} on ${asOf}`).toBe(`${low}-${low + 9}`);
      }
    }
  });
});
