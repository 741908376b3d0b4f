import { Secret, TOTP } from "otpauth";

/** RFC 6238 defaults, which every authenticator app understands: SHA-1, 6 digits, 30 seconds. */
const periodSeconds = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "Haven", issuer = "Haven"): TOTP {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secret), period: periodSeconds });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return totp(secret, account, issuer).toString();
}

/** The code for a moment; tests use it to act as the person's phone. */
export function totpCodeAt(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

/**
 * The time step a code belongs to, allowing one step either side for a phone's clock drift; or
 * undefined when the code is wrong or its step is not later than the last one used (a code seen
 * over someone's shoulder cannot be used again).
 */
export function acceptedTotpStep(
  secret: string,
  code: string,
  at: Date,
  lastUsedStep: number | null,
): number | undefined {
  const digits = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(digits)) return undefined;
  const delta = totp(secret).validate({ token: digits, timestamp: at.getTime(), window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(at.getTime() / 1000 / periodSeconds) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? undefined : step;
}
