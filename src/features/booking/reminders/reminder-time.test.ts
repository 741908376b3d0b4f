import { describe, expect, it } from "vitest";
import { reminderAt } from "./reminder-time.ts";

const HOUR = 3_600_000;
const now = Date.parse("2027-03-01T09:00:00Z");
const start = now + 3 * 24 * HOUR;

describe("when a reminder is due", () => {
  it("is the therapist's hours before the start", () => {
    expect(reminderAt({ start, now, reminderHours: 24, contactByEmail: true })?.getTime()).toBe(
      start - 24 * HOUR,
    );
    expect(reminderAt({ start, now, reminderHours: 2, contactByEmail: true })?.getTime()).toBe(
      start - 2 * HOUR,
    );
  });

  it("is never for a visitor who did not choose email", () => {
    expect(reminderAt({ start, now, reminderHours: 24, contactByEmail: false })).toBeNull();
  });

  it("is never when the therapist turned reminders off", () => {
    expect(reminderAt({ start, now, reminderHours: 0, contactByEmail: true })).toBeNull();
  });

  it("is never when the moment has already passed at confirmation", () => {
    const soon = now + 5 * HOUR;
    expect(reminderAt({ start: soon, now, reminderHours: 24, contactByEmail: true })).toBeNull();
    expect(reminderAt({ start: soon, now, reminderHours: 5, contactByEmail: true })).toBeNull();
    expect(reminderAt({ start: soon, now, reminderHours: 4, contactByEmail: true })?.getTime()).toBe(
      now + HOUR,
    );
  });
});
