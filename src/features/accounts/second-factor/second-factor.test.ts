import { describe, expect, it } from "vitest";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  normaliseRecoveryCode,
} from "./recovery-codes.ts";
import { acceptedTotpStep, newTotpSecret, totpCodeAt, totpUri } from "./totp.ts";

const at = new Date("2026-11-22T10:00:10Z");
const secret = newTotpSecret();

describe("TOTP", () => {
  it("accepts the current code and one step of clock drift either side, not more", () => {
    const step = Math.floor(at.getTime() / 30_000);
    expect(acceptedTotpStep(secret, totpCodeAt(secret, at), at, null)).toBe(step);
    expect(acceptedTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 30_000)), at, null)).toBe(
      step - 1,
    );
    expect(acceptedTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() + 30_000)), at, null)).toBe(
      step + 1,
    );
    expect(
      acceptedTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 120_000)), at, null),
    ).toBeUndefined();
  });

  it("refuses a code already used, a wrong code, and anything that is not six digits", () => {
    const code = totpCodeAt(secret, at);
    const step = acceptedTotpStep(secret, code, at, null) as number;
    expect(acceptedTotpStep(secret, code, at, step)).toBeUndefined();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(acceptedTotpStep(secret, wrong, at, null)).toBeUndefined();
    expect(acceptedTotpStep(secret, "12345", at, null)).toBeUndefined();
    expect(acceptedTotpStep(secret, "abcdef", at, null)).toBeUndefined();
    expect(acceptedTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at, null)).toBe(step);
  });

  it("gives authenticator apps the practice's name and the account", () => {
    const uri = totpUri(secret, "ann@example.org", "Harbour Therapy");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Harbour%20Therapy:ann%40example\.org\?/);
    expect(uri).toContain(`secret=${secret}`);
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes that read back however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const first = codes[0] as string;
    expect(hashRecoveryCode(first.toLowerCase().replace(/-/g, " "))).toBe(hashRecoveryCode(first));
    expect(looksLikeRecoveryCode(first.toLowerCase())).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
    expect(normaliseRecoveryCode(" ab-cd ")).toBe("ABCD");
  });
});
