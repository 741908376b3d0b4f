import { describe, expect, it } from "vitest";
import {
  answerBeforeStartMinutes,
  minimumNoticeFor,
  movedRequestExpiresAt,
  requestExpiresAt,
  shortestAnswerMinutes,
  statusAt,
} from "./request-expiry.ts";

const HOUR = 3_600_000;
const now = Date.parse("2026-11-23T08:00:00Z");

describe("when a request lapses", () => {
  it("lapses after the therapist's hours when the consultation is far off", () => {
    expect(requestExpiresAt(now, now + 5 * 24 * HOUR, 24)).toBe(now + 24 * HOUR);
    expect(requestExpiresAt(now, now + 5 * 24 * HOUR, 168)).toBe(now + 5 * 24 * HOUR - 2 * HOUR);
  });

  it("lapses two hours before a consultation sooner than that", () => {
    expect(requestExpiresAt(now, now + 10 * HOUR, 24)).toBe(now + 8 * HOUR);
  });

  it("always leaves the therapist an hour, for any time offered with the approve-first notice", () => {
    const notice = minimumNoticeFor({ minimumNoticeMinutes: 0, approvalRequired: true });
    expect(notice).toBe(answerBeforeStartMinutes + shortestAnswerMinutes);
    for (const hours of [1, 2, 24, 168]) {
      const soonest = now + notice * 60_000;
      const expires = requestExpiresAt(now, soonest, hours);
      expect(expires - now).toBeGreaterThanOrEqual(shortestAnswerMinutes * 60_000);
      expect(soonest - expires).toBeGreaterThanOrEqual(answerBeforeStartMinutes * 60_000);
    }
  });

  it("keeps a longer notice the therapist chose, and changes nothing without approve first", () => {
    expect(minimumNoticeFor({ minimumNoticeMinutes: 720, approvalRequired: true })).toBe(720);
    expect(minimumNoticeFor({ minimumNoticeMinutes: 0, approvalRequired: false })).toBe(0);
  });

  it("never lengthens the wait when a request is moved", () => {
    const current = now + 20 * HOUR;
    expect(movedRequestExpiresAt(current, now + 9 * 24 * HOUR)).toBe(current);
    expect(movedRequestExpiresAt(current, now + 12 * HOUR)).toBe(now + 10 * HOUR);
  });
});

describe("a booking's status at a moment", () => {
  const request = { status: "requested" as const, expiresAt: new Date(now + HOUR) };

  it("is requested until the expiry, and expired from it, whether or not the sweep has run", () => {
    expect(statusAt(request, now)).toBe("requested");
    expect(statusAt(request, now + HOUR - 1)).toBe("requested");
    expect(statusAt(request, now + HOUR)).toBe("expired");
  });

  it("leaves every other status as it is", () => {
    for (const status of ["confirmed", "cancelled", "declined", "expired"] as const)
      expect(statusAt({ status, expiresAt: null }, now + 99 * HOUR)).toBe(status);
  });
});
