import { describe, expect, it } from "vitest";
import { rulesForMoving } from "./change-booking.ts";
import { defaultBookingSettings } from "./therapist-availability.ts";

const settings = { ...defaultBookingSettings("t"), minimumNoticeMinutes: 0, approvalRequired: false };
const rules = {
  timeZone: "Europe/London",
  weekly: [],
  overrides: [],
  durationMinutes: 20,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  minimumNoticeMinutes: 0,
  horizonDays: 30,
  intervalMinutes: 30,
  maxPerDay: null,
};

describe("the times a booking may move to", () => {
  it("are the therapist's own rules for a confirmed consultation", () => {
    expect(rulesForMoving({ status: "confirmed" }, { rules, settings })).toBe(rules);
  });

  it("keep approve-first's three hours' notice for a request, even after approve first was turned off", () => {
    expect(rulesForMoving({ status: "requested" }, { rules, settings }).minimumNoticeMinutes).toBe(180);
  });
});
