import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keyCheckMatches, keyCheckValue, loadOrCreateKeyFile, secretKeys } from "./secret-key.ts";

describe("secret keys", () => {
  it("derives a different key for each purpose", () => {
    const keys = secretKeys("a".repeat(64));
    expect(keys.derive("cookie").equals(keys.derive("csrf"))).toBe(false);
    expect(keys.derive("cookie")).toHaveLength(32);
    expect(keys.derive("cookie").equals(secretKeys("a".repeat(64)).derive("cookie"))).toBe(true);
  });

  it("recognises its own key check and refuses another key's", () => {
    const keys = secretKeys("a".repeat(64));
    const other = secretKeys("b".repeat(64));
    expect(keyCheckMatches(keys, keyCheckValue(keys))).toBe(true);
    expect(keyCheckMatches(other, keyCheckValue(keys))).toBe(false);
    expect(keyCheckMatches(keys, "not hex")).toBe(false);
  });

  it("creates the embedded key file once, readable by its owner only", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-keys-"));
    try {
      const first = loadOrCreateKeyFile(dir);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(loadOrCreateKeyFile(dir)).toBe(first);
      const mode = fs.statSync(path.join(dir, "keys", "secret.key")).mode & 0o777;
      expect(mode).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
