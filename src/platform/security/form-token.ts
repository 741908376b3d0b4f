import { createHmac, timingSafeEqual } from "node:crypto";
import type { SecretKeys } from "./secret-key.ts";

/**
 * Stateless CSRF tokens: "<issued at>.<HMAC(issued at, binding)>". The binding ties a token to a
 * session (or to one anonymous form), so a token cannot be lifted from one context into another.
 * Tokens last long enough for someone to write slowly; a refused token shows the form again with the
 * input kept, so an expiry never loses words.
 */
export const formTokenLifetimeSeconds = 4 * 3600;

function mac(keys: SecretKeys, issuedAt: number, binding: string): string {
  return createHmac("sha256", keys.derive("csrf")).update(`${issuedAt}:${binding}`).digest("base64url");
}

export function issueFormToken(keys: SecretKeys, binding: string, now = new Date()): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return `${issuedAt}.${mac(keys, issuedAt, binding)}`;
}

export function verifyFormToken(
  keys: SecretKeys,
  token: unknown,
  binding: string,
  now = new Date(),
): boolean {
  if (typeof token !== "string") return false;
  const [issuedText, given] = token.split(".");
  const issuedAt = Number(issuedText);
  if (!Number.isInteger(issuedAt) || !given) return false;
  const age = Math.floor(now.getTime() / 1000) - issuedAt;
  if (age < 0 || age > formTokenLifetimeSeconds) return false;
  const expected = Buffer.from(mac(keys, issuedAt, binding));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A second check for anonymous forms: the browser says where the request came from. Requests without
 * either header (old browsers, some privacy tools) fall back to the token alone.
 */
export function isSameOriginRequest(
  headers: Record<string, string | string[] | undefined>,
  publicUrl: URL,
): boolean {
  const site = headers["sec-fetch-site"];
  if (typeof site === "string") return site === "same-origin" || site === "none";
  const origin = headers.origin;
  if (typeof origin === "string") return origin === publicUrl.origin;
  return true;
}
