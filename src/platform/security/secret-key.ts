import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Purposes a key may be derived for. One secret, a separate key for each use. */
export type KeyPurpose =
  | "key-check"
  | "cookie"
  | "csrf"
  | "token"
  | "field-encryption"
  | "lookup"
  | "rate-limit";

export type SecretKeys = {
  /** A short, non-secret id of the secret, stored beside what it protects. */
  id: string;
  derive(purpose: KeyPurpose): Buffer;
};

export function secretKeys(secret: string): SecretKeys {
  const material = Buffer.from(secret, "utf8");
  // Derived once per purpose: a booking derives keys several times, and HKDF showed up in its profile.
  const derived = new Map<KeyPurpose, Buffer>();
  return {
    id: createHmac("sha256", material).update("haven:key-id").digest("hex").slice(0, 8),
    derive(purpose) {
      let key = derived.get(purpose);
      if (!key) {
        key = Buffer.from(hkdfSync("sha256", material, Buffer.alloc(0), `haven:${purpose}`, 32));
        derived.set(purpose, key);
      }
      // A copy, so no caller can change the key another caller gets.
      return Buffer.from(key);
    },
  };
}

/**
 * Embedded installs keep a generated key in <data dir>/keys/, readable by the owner only.
 * Backups leave this folder out, so a stolen backup holds only ciphertext.
 */
export function loadOrCreateKeyFile(dataDir: string): string {
  const keysDir = path.join(dataDir, "keys");
  const keyPath = path.join(keysDir, "secret.key");
  if (fs.existsSync(keyPath)) {
    const secret = fs.readFileSync(keyPath, "utf8").trim();
    if (!/^[0-9a-f]{64}$/.test(secret)) {
      throw new Error(
        `The key file ${keyPath} is damaged (it should hold 64 hex digits). Restore it from where you keep it safe; without it, encrypted data cannot be read.`,
      );
    }
    return secret;
  }
  fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("hex");
  fs.writeFileSync(keyPath, `${secret}\n`, { mode: 0o600, flag: "wx" });
  return secret;
}

/** Where the secret key came from, so a wrong key can be explained in terms of what the operator did. */
export type KeySource =
  | { kind: "environment" }
  | { kind: "key file"; path: string }
  /** No key anywhere yet: a new one, written to `path` only once the database is known to be new. */
  | { kind: "new key file"; path: string; write(): void };

/** HAVEN_SECRET_KEY, else the data dir's key file, else a new key not yet written anywhere. */
export function resolveSecretKey(
  secretKey: string | undefined,
  dataDir: string,
): { secret: string; source: KeySource } {
  if (secretKey) return { secret: secretKey, source: { kind: "environment" } };
  const keyPath = path.join(dataDir, "keys", "secret.key");
  if (fs.existsSync(keyPath))
    return { secret: loadOrCreateKeyFile(dataDir), source: { kind: "key file", path: keyPath } };
  const secret = randomBytes(32).toString("hex");
  return {
    secret,
    source: {
      kind: "new key file",
      path: keyPath,
      write() {
        fs.mkdirSync(path.dirname(keyPath), { recursive: true, mode: 0o700 });
        fs.writeFileSync(keyPath, `${secret}\n`, { mode: 0o600, flag: "wx" });
      },
    },
  };
}

/** A value that proves which secret is loaded without revealing it. */
export function keyCheckValue(keys: SecretKeys): string {
  return createHmac("sha256", keys.derive("key-check")).update("haven key check v1").digest("hex");
}

export function keyCheckMatches(keys: SecretKeys, stored: string): boolean {
  const expected = Buffer.from(keyCheckValue(keys), "hex");
  const actual = Buffer.from(stored, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
