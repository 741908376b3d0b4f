import { describe, expect, it } from "vitest";
import { isNightFor, splitByNight } from "./night-time.ts";

const utc = (day: number, hour: number, minute = 0) => Date.UTC(2031, 2, day, hour, minute);

describe("night-time for the visitor", () => {
  it("is before 07:00 or from 22:00 on their own clock", () => {
    // 5 March 2031: London is on GMT, so its clock reads the UTC time.
    expect(isNightFor(utc(5, 6, 59), "Europe/London")).toBe(true);
    expect(isNightFor(utc(5, 7, 0), "Europe/London")).toBe(false);
    expect(isNightFor(utc(5, 21, 59), "Europe/London")).toBe(false);
    expect(isNightFor(utc(5, 22, 0), "Europe/London")).toBe(true);
    expect(isNightFor(utc(5, 0, 0), "Europe/London")).toBe(true);
  });

  it("marks a London therapist's afternoon as the middle of a Sydney visitor's night", () => {
    // 14:00 and 16:00 in London (GMT) are 01:00 and 03:00 in Sydney (AEDT, UTC+11); 09:00 is 20:00.
    expect(isNightFor(utc(5, 14), "Australia/Sydney")).toBe(true);
    expect(isNightFor(utc(5, 16), "Australia/Sydney")).toBe(true);
    expect(isNightFor(utc(5, 9), "Australia/Sydney")).toBe(false);
    expect(isNightFor(utc(5, 14), "Europe/London")).toBe(false);
  });

  it("follows the visitor's clock through the week London's clocks go forward", () => {
    // London's 11:00 each day of the week of 30 March 2031, as a Sydney visitor sees it: 22:00 while London
    // is on GMT, 21:00 once it is on BST (Sydney's own clocks stay until 6 April).
    const londonEleven = [27, 28, 29, 30, 31].map((day) => (day < 30 ? utc(day, 11) : utc(day, 10)));
    expect(londonEleven.map((t) => isNightFor(t, "Australia/Sydney"))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    // The same UTC moment is night before a clock change and daytime after it (London, 06:30 UTC).
    expect(isNightFor(utc(29, 6, 30), "Europe/London")).toBe(true); // 06:30 GMT
    expect(isNightFor(utc(30, 6, 30), "Europe/London")).toBe(false); // 07:30 BST
  });

  it("follows Sydney's clocks going back in April", () => {
    // 20:00 UTC is 07:00 AEDT on Saturday 5 April 2031, and 06:00 AEST on Sunday 6 April.
    expect(isNightFor(Date.UTC(2031, 3, 4, 20), "Australia/Sydney")).toBe(false);
    expect(isNightFor(Date.UTC(2031, 3, 5, 20), "Australia/Sydney")).toBe(true);
  });

  it("splits a day's times into daytime and night-time, each in order", () => {
    const slots = [6, 7, 12, 21, 22, 23].map((hour) => ({ start: utc(5, hour) }));
    const hours = (list: { start: number }[]) => list.map((s) => new Date(s.start).getUTCHours());
    const { day, night, early, late } = splitByNight(slots, "Europe/London");
    expect(hours(day)).toEqual([7, 12, 21]);
    expect(hours(night)).toEqual([6, 22, 23]);
    // Before the day's first daytime time, and after it.
    expect(hours(early)).toEqual([6]);
    expect(hours(late)).toEqual([22, 23]);
    // With no daytime time at all, every one is "early": one span.
    expect(
      hours(
        splitByNight(
          [0, 1, 23].map((h) => ({ start: utc(5, h) })),
          "Europe/London",
        ).early,
      ),
    ).toEqual([0, 1, 23]);
    expect(splitByNight([], "Europe/London")).toEqual({ day: [], night: [], early: [], late: [] });
  });
});
