import { describe, expect, it } from "vitest";
import {
  formTokenLifetimeSeconds,
  isSameOriginRequest,
  issueFormToken,
  verifyFormToken,
} from "./form-token.ts";
import { secretKeys } from "./secret-key.ts";

const keys = secretKeys("c".repeat(64));
const now = new Date("2026-11-22T10:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("form tokens", () => {
  it("verify for the same binding within their lifetime", () => {
    const token = issueFormToken(keys, "session-a", now);
    expect(verifyFormToken(keys, token, "session-a", later(60))).toBe(true);
    expect(verifyFormToken(keys, token, "session-a", later(formTokenLifetimeSeconds))).toBe(true);
  });

  it("are refused for another binding, after their lifetime, from the future, or when altered", () => {
    const token = issueFormToken(keys, "session-a", now);
    expect(verifyFormToken(keys, token, "session-b", later(60))).toBe(false);
    expect(verifyFormToken(keys, token, "session-a", later(formTokenLifetimeSeconds + 1))).toBe(false);
    expect(verifyFormToken(keys, token, "session-a", later(-60))).toBe(false);
    expect(verifyFormToken(keys, `${token}x`, "session-a", later(60))).toBe(false);
    expect(
      verifyFormToken(
        keys,
        token.replace(/^\d+/, (s) => String(Number(s) + 1)),
        "session-a",
        later(60),
      ),
    ).toBe(false);
    expect(verifyFormToken(secretKeys("d".repeat(64)), token, "session-a", later(60))).toBe(false);
    expect(verifyFormToken(keys, undefined, "session-a", later(60))).toBe(false);
    expect(verifyFormToken(keys, "garbage", "session-a", later(60))).toBe(false);
  });
});

describe("isSameOriginRequest", () => {
  const publicUrl = new URL("https://haven.example.org");
  it("trusts Sec-Fetch-Site first, then Origin", () => {
    expect(isSameOriginRequest({ "sec-fetch-site": "same-origin" }, publicUrl)).toBe(true);
    expect(
      isSameOriginRequest({ "sec-fetch-site": "cross-site", origin: "https://haven.example.org" }, publicUrl),
    ).toBe(false);
    expect(isSameOriginRequest({ origin: "https://evil.example" }, publicUrl)).toBe(false);
    expect(isSameOriginRequest({ origin: "https://haven.example.org" }, publicUrl)).toBe(true);
    expect(isSameOriginRequest({}, publicUrl)).toBe(true);
  });
});
