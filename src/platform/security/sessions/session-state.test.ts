import { describe, expect, it } from "vitest";
import { deviceLabel } from "./device-label.ts";
import { needsTouch, sessionState } from "./session-state.ts";

const start = new Date("2026-11-22T10:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const session = { lastSeenAt: start, expiresAt: at(12 * 60), idleSeconds: 30 * 60, endedAt: null };

describe("sessionState", () => {
  it("is active until 30 idle minutes have passed, and idle from that moment", () => {
    expect(sessionState(session, at(29.9))).toBe("active");
    expect(sessionState(session, at(30))).toBe("idle");
  });

  it("expires at the absolute time-out however recently it was used", () => {
    expect(sessionState({ ...session, lastSeenAt: at(12 * 60 - 1) }, at(12 * 60))).toBe("expired");
  });

  it("stays ended once ended", () => {
    expect(sessionState({ ...session, endedAt: at(1) }, at(2))).toBe("ended");
  });
});

describe("needsTouch", () => {
  it("records activity at most once a minute", () => {
    expect(needsTouch(session, at(0.5))).toBe(false);
    expect(needsTouch(session, at(1))).toBe(true);
  });
});

describe("deviceLabel", () => {
  it("names browser and system only", () => {
    expect(
      deviceLabel(
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
      ),
    ).toBe("Chrome on Android");
    expect(
      deviceLabel("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"),
    ).toBe("Firefox on Windows");
    expect(deviceLabel(undefined)).toBe("A browser");
  });
});
