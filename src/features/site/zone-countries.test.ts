import { describe, expect, it } from "vitest";
import { countryForZone, knownZones } from "../../platform/web/client/zone-countries.ts";
import { isCountryCode } from "./countries.ts";

describe("the time zone → country table", () => {
  it("places the zones, and the older names browsers still report, in their countries", () => {
    const expected: [string, string][] = [
      ["Australia/Sydney", "AU"],
      ["Australia/ACT", "AU"],
      ["Australia/Perth", "AU"],
      ["Asia/Calcutta", "IN"],
      ["Asia/Kolkata", "IN"],
      ["Europe/London", "GB"],
      ["Europe/Belfast", "GB"],
      ["Europe/Dublin", "IE"],
      ["America/New_York", "US"],
      ["US/Eastern", "US"],
      ["America/Toronto", "CA"],
      ["America/St_Johns", "CA"],
      ["Pacific/Auckland", "NZ"],
      ["Europe/Kiev", "UA"],
      ["Asia/Saigon", "VN"],
      ["Africa/Asmera", "ER"], // its link crosses a border (to Nairobi); the table must not follow it
      ["Atlantic/Reykjavik", "IS"],
    ];
    for (const [zone, country] of expected) expect(countryForZone(zone), zone).toBe(country);
  });

  it("knows every zone this platform's Intl knows, as a real country", () => {
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      const country = countryForZone(zone);
      expect(country, zone).toBeDefined();
      expect(isCountryCode(country as string), `${zone} → ${country}`).toBe(true);
    }
  });

  it("names only real countries, and no country for zones that have none", () => {
    for (const zone of knownZones()) expect(isCountryCode(countryForZone(zone) as string), zone).toBe(true);
    for (const zone of ["Etc/UTC", "UTC", "Etc/GMT+5", "Not/AZone", ""])
      expect(countryForZone(zone)).toBeUndefined();
  });
});
