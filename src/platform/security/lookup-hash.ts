import { createHmac } from "node:crypto";
import type { KeyRing } from "./field-encryption.ts";
import type { SecretKeys } from "./secret-key.ts";

/**
 * A keyed hash of a value that is stored encrypted but must still be found (a client's email at
 * sign-in): equal inputs give equal hashes, and without the key the hash reveals nothing. Values are
 * trimmed and lower-cased first, so "Ann@Example.org " finds "ann@example.org".
 */
export function lookupHashWith(keys: SecretKeys, value: string): string {
  return createHmac("sha256", keys.derive("lookup")).update(value.trim().toLowerCase()).digest("base64url");
}

export function lookupHash(ring: KeyRing, value: string): string {
  return lookupHashWith(ring.current, value);
}

/** During a key rotation a stored hash may still be under the previous key: search for both. */
export function lookupCandidates(ring: KeyRing, value: string): string[] {
  const hashes = [lookupHashWith(ring.current, value)];
  if (ring.previous) hashes.push(lookupHashWith(ring.previous, value));
  return hashes;
}
