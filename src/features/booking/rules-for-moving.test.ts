import { describe, expect, it } from "vitest";
import { changeableUntil, inGraceUntil, rulesForMoving } from "./change-booking.ts";
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

describe("until when a visitor may move a consultation themselves", () => {
  const hour = 3_600_000;
  const start = Date.UTC(2031, 2, 4, 10);
  const booked = (hoursBefore: number, graceMinutes = 30) => ({
    startsAt: new Date(start),
    createdAt: new Date(start - hoursBefore * hour),
    settings: { ...settings, cancellationCutoffHours: 24, graceMinutes },
  });

  it("is the cut-off for a booking made well ahead", () => {
    expect(changeableUntil(booked(72)).getTime()).toBe(start - 24 * hour);
    expect(inGraceUntil(booked(72), new Date(start - 25 * hour))).toBeUndefined();
    expect(inGraceUntil(booked(72), new Date(start - 23 * hour))).toBeUndefined();
  });

  it("is the end of the grace window for one booked inside the cut-off, and not a minute longer", () => {
    const twoHoursAhead = booked(2);
    const graceEnd = start - 2 * hour + 30 * 60_000;
    expect(changeableUntil(twoHoursAhead).getTime()).toBe(graceEnd);
    expect(inGraceUntil(twoHoursAhead, new Date(graceEnd - 60_000))?.getTime()).toBe(graceEnd);
    expect(inGraceUntil(twoHoursAhead, new Date(graceEnd + 60_000))).toBeUndefined();
  });

  it("never reaches past the start, and is only the cut-off when the practice sets no grace", () => {
    expect(changeableUntil(booked(0.25)).getTime()).toBe(start);
    expect(changeableUntil(booked(2, 0)).getTime()).toBe(start - 24 * hour);
  });
});
