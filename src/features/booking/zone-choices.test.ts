import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { utcOffset, zoneChoices, zoneGroups, zoneLabel, zoneOptionsHtml, zonePlace } from "./zone-choices.ts";

const january = Date.UTC(2031, 0, 15, 12);
const july = Date.UTC(2031, 6, 15, 12);

describe("the zone chooser's places", () => {
  it("names the city and its country, as the city is written today", () => {
    expect(zonePlace("Australia/Sydney")).toBe("Sydney, Australia");
    expect(zonePlace("America/New_York")).toBe("New York, United States");
    expect(zonePlace("America/Indiana/Knox")).toBe("Knox, Indiana, United States");
    expect(zonePlace("Asia/Calcutta")).toBe("Kolkata, India");
    expect(zonePlace("Europe/Kiev")).toBe("Kyiv, Ukraine");
    // An island that is its own country is named once; a name that is no place keeps its name.
    expect(zonePlace("Indian/Mauritius")).toBe("Mauritius");
    expect(zonePlace("UTC")).toBe("UTC");
  });

  it("gives the offset the zone has at that moment, clock changes included", () => {
    expect(zoneLabel("Australia/Sydney", january)).toBe("Sydney, Australia (UTC+11:00)");
    expect(zoneLabel("Australia/Sydney", july)).toBe("Sydney, Australia (UTC+10:00)");
    expect(utcOffset("Europe/London", january)).toBe("UTC+00:00");
    expect(utcOffset("Europe/London", july)).toBe("UTC+01:00");
    expect(utcOffset("America/St_Johns", january)).toBe("UTC−03:30");
    expect(utcOffset("Asia/Kathmandu", january)).toBe("UTC+05:45");
  });
});

describe("the zones by region", () => {
  const groups = zoneGroups(january);

  it("holds every zone once, and UTC, in the regions' order", () => {
    const listed = groups.flatMap((group) => group.zones.map((z) => z.zone));
    expect(listed.sort()).toEqual([...zoneChoices(), "UTC"].sort());
    expect(groups.map((group) => group.region)).toEqual([
      "europe",
      "americas",
      "asia",
      "pacific",
      "africa",
      "atlantic",
      "indian",
      "antarctica",
      "other",
    ]);
  });

  it("puts each zone under its region, places in alphabetical order", () => {
    const regionOf = (zone: string) => groups.find((g) => g.zones.some((z) => z.zone === zone))?.region;
    expect(regionOf("Australia/Sydney")).toBe("pacific");
    expect(regionOf("Pacific/Auckland")).toBe("pacific");
    expect(regionOf("America/Sao_Paulo")).toBe("americas");
    expect(regionOf("Arctic/Longyearbyen")).toBe("europe");
    for (const group of groups) {
      const labels = group.zones.map((z) => z.label);
      expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en-GB")));
    }
  });
});

describe("the chooser's options", () => {
  const selected = (html: string) =>
    [...html.matchAll(/<option value="([^"]*)" selected>/g)].map((m) => m[1]);

  it("puts the zone the times are in first, chosen, in a group of its own", () => {
    const html = zoneOptionsHtml("Australia/Sydney", january);
    expect(
      html.startsWith('<optgroup label="Your time zone"><option value="Australia/Sydney" selected>'),
    ).toBe(true);
    expect(selected(html)).toEqual(["Australia/Sydney"]);
    expect(html).toContain('<optgroup label="Australia &amp; Pacific">');
    expect(html).toContain("Port of Spain, Trinidad &amp; Tobago (UTC−04:00)");
  });

  it("says the first zone is the practice's until the visitor or their browser chose one", () => {
    const html = zoneOptionsHtml("Europe/London", january, false);
    expect(
      html.startsWith(`<optgroup label="The practice's time zone"><option value="Europe/London" selected>`),
    ).toBe(true);
  });

  it("offers a zone the list leaves out, such as an older name a browser reports", () => {
    const html = zoneOptionsHtml("US/Eastern", january);
    expect(selected(html)).toEqual(["US/Eastern"]);
    expect(html).toContain('<option value="US/Eastern" selected>Eastern, United States (UTC−05:00)</option>');
  });

  it("writes each offset anew once the clocks change", () => {
    // London's clocks go forward at 01:00 UTC on 30 March 2031.
    const london = (html: string) => html.match(/<option value="Europe\/London">([^<]*)</)?.[1];
    const before = zoneOptionsHtml("UTC", Date.UTC(2031, 2, 30, 0, 59, 59));
    const after = zoneOptionsHtml("UTC", Date.UTC(2031, 2, 30, 1, 0, 0));
    expect(london(before)).toBe("London, United Kingdom (UTC+00:00)");
    expect(london(after)).toBe("London, United Kingdom (UTC+01:00)");
    // Within one quarter hour, the same options.
    expect(zoneOptionsHtml("UTC", Date.UTC(2031, 2, 30, 1, 14))).toBe(after);
  });
});

describe("writing the options once per quarter hour", () => {
  it("is right because every clock change the runtime knows, from 2023 to 2040, falls on a quarter hour of UTC", () => {
    // If a zone ever changes its clocks at another minute, the options would be out until the next quarter.
    const off: string[] = [];
    for (const zone of zoneChoices()) {
      let at = Temporal.Instant.fromEpochMilliseconds(Date.UTC(2023, 0, 1)).toZonedDateTimeISO(zone);
      for (;;) {
        const next = at.getTimeZoneTransition("next");
        if (!next || next.epochMilliseconds > Date.UTC(2040, 0, 1)) break;
        if (next.epochMilliseconds % (15 * 60_000) !== 0) off.push(`${zone} ${next.toInstant()}`);
        at = next;
      }
    }
    expect(off).toEqual([]);
  });
});
