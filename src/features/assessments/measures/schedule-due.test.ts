import { describe, expect, it } from "vitest";
import { isDue, latestWeekdayStart } from "./schedule-due.ts";

const at = (iso: string) => new Date(iso);

describe("latestWeekdayStart", () => {
  it("is today's start when today is the day, else the last such day", () => {
    // Monday 7 December 2026 in London (UTC in winter).
    expect(latestWeekdayStart(1, at("2026-12-07T15:00:00Z"), "Europe/London").toISOString()).toBe(
      "2026-12-07T00:00:00.000Z",
    );
    expect(latestWeekdayStart(3, at("2026-12-07T15:00:00Z"), "Europe/London").toISOString()).toBe(
      "2026-12-02T00:00:00.000Z",
    );
    expect(latestWeekdayStart(7, at("2026-12-07T15:00:00Z"), "Europe/London").toISOString()).toBe(
      "2026-12-06T00:00:00.000Z",
    );
  });

  it("follows the practice's zone, not UTC", () => {
    // 23:30 on Sunday in New York is already Monday in UTC: the week's Monday has not come there yet.
    expect(latestWeekdayStart(1, at("2026-12-07T04:30:00Z"), "America/New_York").toISOString()).toBe(
      "2026-11-30T05:00:00.000Z",
    );
    // Sydney is eleven hours ahead in summer.
    expect(latestWeekdayStart(1, at("2026-12-07T04:30:00Z"), "Australia/Sydney").toISOString()).toBe(
      "2026-12-06T13:00:00.000Z",
    );
  });

  it("keeps the day's start across a clock change", () => {
    // London goes to summer time on Sunday 29 March 2026; the Monday after starts at 00:00 BST (23:00 UTC).
    expect(latestWeekdayStart(1, at("2026-03-30T12:00:00Z"), "Europe/London").toISOString()).toBe(
      "2026-03-29T23:00:00.000Z",
    );
    // Havana moves its clocks at midnight: that Sunday begins at 01:00 local (05:00 UTC).
    expect(latestWeekdayStart(7, at("2026-03-08T12:00:00Z"), "America/Havana").toISOString()).toBe(
      "2026-03-08T05:00:00.000Z",
    );
  });
});

describe("isDue", () => {
  const monday = { weekday: 1 };
  it("asks at once for a new schedule", () => {
    expect(isDue(monday, null, at("2026-12-09T10:00:00Z"), "Europe/London")).toBe(true);
  });
  it("asks once a week, when the day comes round", () => {
    const askedWednesday = at("2026-12-02T10:00:00Z");
    expect(isDue(monday, askedWednesday, at("2026-12-06T23:59:00Z"), "Europe/London")).toBe(false);
    expect(isDue(monday, askedWednesday, at("2026-12-07T00:00:00Z"), "Europe/London")).toBe(true);
    const askedMonday = at("2026-12-07T08:00:00Z");
    expect(isDue(monday, askedMonday, at("2026-12-13T20:00:00Z"), "Europe/London")).toBe(false);
    expect(isDue(monday, askedMonday, at("2026-12-14T00:00:01Z"), "Europe/London")).toBe(true);
  });
});
