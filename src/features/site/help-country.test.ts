import { describe, expect, it } from "vitest";
import { demoPractice } from "../practice-settings/demo-practice.ts";
import { practiceSettingsSchema } from "../practice-settings/practice-settings.types.ts";
import { emergencyNumbers, isCountryCode } from "./countries.ts";
import { requestedCountry, shownCountry } from "./help-country.ts";

const practice = practiceSettingsSchema.parse(demoPractice);

describe("the country help-now shows", () => {
  it("reads only a real two-letter country from the address", () => {
    expect(requestedCountry({ country: "AU" })).toBe("AU");
    expect(requestedCountry({ country: "au" })).toBe("AU");
    for (const country of [
      "ZZ",
      "zz",
      "EU",
      "<script>",
      "A".repeat(500),
      ["AU", "US"],
      "",
      12,
      { a: 1 },
      undefined,
    ]) {
      expect(requestedCountry({ country }), JSON.stringify(country)).toBeUndefined();
    }
    expect(requestedCountry(undefined)).toBeUndefined();
    expect(requestedCountry(null)).toBeUndefined();
  });

  it("shows a listed country's lines, another country's emergency number, or the practice's own", () => {
    expect(shownCountry(practice, "AU").country).toMatchObject({
      listed: true,
      code: "AU",
      name: "Australia",
    });
    expect(shownCountry(practice, "ES").country).toEqual({
      listed: false,
      code: "ES",
      name: "Spain",
      emergency: "112",
    });
    expect(shownCountry(practice, "BR").country).toMatchObject({ listed: false, emergency: undefined });
    expect(shownCountry(practice, undefined).country).toMatchObject({ listed: true, code: "GB" });
  });

  it("lets the cache keep only the listed countries and those with a known emergency number", () => {
    expect(shownCountry(practice, undefined).cacheable).toBe(true);
    expect(shownCountry(practice, "US").cacheable).toBe(true);
    expect(shownCountry(practice, "FR").cacheable).toBe(true);
    expect(shownCountry(practice, "BR").cacheable).toBe(false);
  });

  it("has emergency numbers only for real countries, each of digits only", () => {
    for (const [code, number] of Object.entries(emergencyNumbers)) {
      expect(isCountryCode(code), code).toBe(true);
      expect(number, code).toMatch(/^[0-9]{3}$/);
    }
    // The practice's own settings agree with the table wherever both name a number.
    for (const country of practice.helpLines) {
      const known = emergencyNumbers[country.code];
      if (known) expect(country.emergency.number, country.code).toBe(known);
    }
  });
});
