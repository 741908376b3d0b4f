import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { planSessions, type SessionPlanInput } from "./plan-sessions.ts";

const zone = "Europe/London";
const at = (date: string, time: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) })
    .epochMilliseconds;

// Mondays 09:00–17:00; 2026-03-02 is a Monday; the clocks go forward on Sunday 29 March.
const base: SessionPlanInput = {
  date: "2026-03-02",
  time: "10:00",
  durationMinutes: 50,
  weeks: 1,
  zone,
  weekly: [{ weekday: 1, startMinute: 9 * 60, endMinute: 17 * 60 }],
  overrides: [],
  taken: [],
  now: at("2026-03-01", "12:00"),
};

describe("planning sessions", () => {
  it("plans one session at the wall-clock time asked for", () => {
    expect(planSessions(base)).toEqual({
      ok: true,
      sessions: [{ start: at("2026-03-02", "10:00"), end: at("2026-03-02", "10:50") }],
    });
  });

  it("keeps a weekly series at 10:00 local across the change of the clocks", () => {
    const plan = planSessions({ ...base, weeks: 6 });
    if (!plan.ok) throw new Error("not planned");
    expect(plan.sessions).toHaveLength(6);
    expect(plan.sessions[4]?.start).toBe(at("2026-03-30", "10:00"));
    expect((plan.sessions[4]?.start ?? 0) - (plan.sessions[3]?.start ?? 0)).toBe(7 * 86_400_000 - 3_600_000);
  });

  it("refuses a first session in the past", () => {
    expect(planSessions({ ...base, now: at("2026-03-02", "10:30") })).toEqual({
      ok: false,
      problem: "past",
      dates: ["2026-03-02"],
    });
  });

  it("refuses a session outside the therapist's hours, or running past their end, naming the dates", () => {
    expect(planSessions({ ...base, time: "16:30" })).toMatchObject({ problem: "outside-hours" });
    expect(planSessions({ ...base, date: "2026-03-03" })).toMatchObject({
      problem: "outside-hours",
      dates: ["2026-03-03"],
    });
    // A day off in the middle of a series: that week's date is named.
    const dayOff = planSessions({ ...base, weeks: 3, overrides: [{ date: "2026-03-09", ranges: [] }] });
    expect(dayOff).toEqual({ ok: false, problem: "outside-hours", dates: ["2026-03-09"] });
  });

  it("names every date that clashes with something already taken, and allows back-to-back", () => {
    const plan = planSessions({
      ...base,
      weeks: 4,
      taken: [
        { start: at("2026-03-09", "10:40"), end: at("2026-03-09", "11:00") },
        { start: at("2026-03-23", "09:30"), end: at("2026-03-23", "10:01") },
        { start: at("2026-03-16", "10:50"), end: at("2026-03-16", "11:40") },
      ],
    });
    expect(plan).toEqual({ ok: false, problem: "clash", dates: ["2026-03-09", "2026-03-23"] });
  });
});
