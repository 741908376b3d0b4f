import { createHmac, timingSafeEqual } from "node:crypto";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import type { SecretKeys } from "../../platform/security/secret-key.ts";

/**
 * The private link a visitor uses to see, reschedule or cancel their booking: "<booking id>.<HMAC>".
 * Nothing is stored: the server can always make it again for the same booking (so a repeated submit
 * can be sent to the booking it already made), and a changed id or a guessed mark is refused.
 */
const mark = (keys: SecretKeys, bookingId: string) =>
  createHmac("sha256", keys.derive("token")).update(`manage-booking:${bookingId}`).digest("base64url");

export function manageToken(ring: KeyRing, bookingId: string): string {
  return `${bookingId}.${mark(ring.current, bookingId)}`;
}

/** The booking id a manage token names, when the token is genuine (under the current or previous key). */
export function bookingIdFromManageToken(ring: KeyRing, token: string): string | undefined {
  const [id, given] = token.split(".");
  if (!id || !given || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  for (const keys of [ring.current, ring.previous]) {
    if (!keys) continue;
    const expected = Buffer.from(mark(keys, id));
    const actual = Buffer.from(given);
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return id;
  }
  return undefined;
}
