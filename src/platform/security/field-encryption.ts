import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { SecretKeys } from "./secret-key.ts";

/** Where a value lives; bound into the ciphertext so it cannot be moved to another row or column. */
export type FieldLocation = { table: string; column: string; id: string };

/** The current key, and the previous one while a rotation is under way. */
export type KeyRing = { current: SecretKeys; previous?: SecretKeys | undefined };

export class FieldDecryptionError extends Error {
  constructor(reason: string) {
    super(`An encrypted value could not be read: ${reason}.`);
    this.name = "FieldDecryptionError";
  }
}

const version = "v1";

function additionalData({ table, column, id }: FieldLocation): Buffer {
  return Buffer.from(`${table}:${column}:${id}`, "utf8");
}

function keyFor(ring: KeyRing, keyId: string): SecretKeys | undefined {
  return [ring.current, ring.previous].find((keys) => keys?.id === keyId);
}

/**
 * AES-256-GCM with a fresh 96-bit nonce. The stored text carries the id of the key that wrote it:
 * "v1.<key id>.<nonce>.<ciphertext + tag>", base64url.
 */
export function encryptField(ring: KeyRing, plaintext: string, location: FieldLocation): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.derive("field-encryption"), nonce);
  cipher.setAAD(additionalData(location));
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [version, ring.current.id, nonce.toString("base64url"), sealed.toString("base64url")].join(".");
}

export function decryptField(ring: KeyRing, stored: string, location: FieldLocation): string {
  const [v, keyId, nonceText, sealedText] = stored.split(".");
  if (v !== version || !keyId || !nonceText || !sealedText) throw new FieldDecryptionError("unknown format");
  const keys = keyFor(ring, keyId);
  if (!keys) throw new FieldDecryptionError(`it was written with key ${keyId}, which is not loaded`);
  const sealed = Buffer.from(sealedText, "base64url");
  if (sealed.length < 16) throw new FieldDecryptionError("it is truncated");
  const decipher = createDecipheriv(
    "aes-256-gcm",
    keys.derive("field-encryption"),
    Buffer.from(nonceText, "base64url"),
  );
  decipher.setAAD(additionalData(location));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - 16)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new FieldDecryptionError("it was changed, or belongs to another record");
  }
}

/** The id of the key a stored value was written with (for re-encryption after a rotation). */
export function fieldKeyId(stored: string): string | undefined {
  return stored.split(".")[1];
}
