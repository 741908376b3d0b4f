import { createHmac, timingSafeEqual } from "node:crypto";
import type { SecretKeys } from "./secret-key.ts";

/**
 * A short-lived, tamper-proof note the server hands to the browser and reads back, so a step in a
 * flow (such as "password accepted, code still to come") needs no row in the database:
 * "<value>.<expires at>.<HMAC(purpose, value, expires at)>". The value must not contain dots.
 */
function mac(keys: SecretKeys, purpose: string, value: string, expiresAt: number): string {
  return createHmac("sha256", keys.derive("token"))
    .update(`${purpose}:${value}:${expiresAt}`)
    .digest("base64url");
}

export function issueSignedToken(
  keys: SecretKeys,
  purpose: string,
  value: string,
  lifetimeSeconds: number,
  now = new Date(),
): string {
  if (value.includes(".")) throw new Error("a signed token's value cannot contain a dot");
  const expiresAt = Math.floor(now.getTime() / 1000) + lifetimeSeconds;
  return `${value}.${expiresAt}.${mac(keys, purpose, value, expiresAt)}`;
}

/** The value, when the token is genuine, for this purpose, and not yet expired. */
export function readSignedToken(
  keys: SecretKeys,
  purpose: string,
  token: unknown,
  now = new Date(),
): string | undefined {
  if (typeof token !== "string") return undefined;
  const [value, expiresText, given] = token.split(".");
  const expiresAt = Number(expiresText);
  if (!value || !given || !Number.isInteger(expiresAt)) return undefined;
  if (expiresAt < Math.floor(now.getTime() / 1000)) return undefined;
  const expected = Buffer.from(mac(keys, purpose, value, expiresAt));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? value : undefined;
}
