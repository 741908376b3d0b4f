import { describe, expect, it } from "vitest";
import { secretKeys } from "./secret-key.ts";
import { issueSignedToken, readSignedToken } from "./signed-token.ts";

const keys = secretKeys("a test secret that is long enough to use");
const other = secretKeys("another test secret, also long enough");
const now = new Date("2026-11-22T10:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("signed tokens", () => {
  it("give the value back until they expire", () => {
    const token = issueSignedToken(keys, "second-factor", "abc-123", 300, now);
    expect(readSignedToken(keys, "second-factor", token, later(299))).toBe("abc-123");
    expect(readSignedToken(keys, "second-factor", token, later(301))).toBeUndefined();
  });

  it("refuse another purpose, another key, or a changed value", () => {
    const token = issueSignedToken(keys, "second-factor", "abc-123", 300, now);
    expect(readSignedToken(keys, "password-reset", token, now)).toBeUndefined();
    expect(readSignedToken(other, "second-factor", token, now)).toBeUndefined();
    expect(readSignedToken(keys, "second-factor", token.replace("abc", "abd"), now)).toBeUndefined();
    const [value, , sig] = token.split(".");
    expect(readSignedToken(keys, "second-factor", `${value}.9999999999.${sig}`, now)).toBeUndefined();
    expect(readSignedToken(keys, "second-factor", undefined, now)).toBeUndefined();
    expect(readSignedToken(keys, "second-factor", "nonsense", now)).toBeUndefined();
  });
});
