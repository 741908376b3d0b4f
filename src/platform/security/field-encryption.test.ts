import { describe, expect, it } from "vitest";
import {
  decryptField,
  encryptField,
  FieldDecryptionError,
  fieldKeyId,
  type KeyRing,
} from "./field-encryption.ts";
import { secretKeys } from "./secret-key.ts";

const oldKeys = secretKeys("a".repeat(64));
const newKeys = secretKeys("b".repeat(64));
const ring: KeyRing = { current: oldKeys };
const here = { table: "notes", column: "body", id: "row-1" };
const sentence = "I was terrified I was alone that night.";

describe("field encryption", () => {
  it("round-trips text, with a fresh nonce each time and no plaintext in the stored value", () => {
    const first = encryptField(ring, sentence, here);
    const second = encryptField(ring, sentence, here);
    expect(first).not.toBe(second);
    expect(first).not.toContain("terrified");
    expect(fieldKeyId(first)).toBe(oldKeys.id);
    expect(decryptField(ring, first, here)).toBe(sentence);
    expect(decryptField(ring, encryptField(ring, "", here), here)).toBe("");
  });

  it("detects tampering", () => {
    const stored = encryptField(ring, sentence, here);
    const parts = stored.split(".");
    const sealed = Buffer.from(parts[3] as string, "base64url");
    sealed[0] = (sealed[0] ?? 0) ^ 1;
    parts[3] = sealed.toString("base64url");
    expect(() => decryptField(ring, parts.join("."), here)).toThrow(FieldDecryptionError);
  });

  it("refuses a value moved to another row or column", () => {
    const stored = encryptField(ring, sentence, here);
    expect(() => decryptField(ring, stored, { ...here, id: "row-2" })).toThrow(/another record/);
    expect(() => decryptField(ring, stored, { ...here, column: "title" })).toThrow(FieldDecryptionError);
  });

  it("refuses to read with the wrong key", () => {
    const stored = encryptField(ring, sentence, here);
    expect(() => decryptField({ current: newKeys }, stored, here)).toThrow(/not loaded/);
  });

  it("reads old values during a rotation and writes new ones with the new key", () => {
    const old = encryptField({ current: oldKeys }, sentence, here);
    const rotating: KeyRing = { current: newKeys, previous: oldKeys };
    expect(decryptField(rotating, old, here)).toBe(sentence);
    expect(fieldKeyId(encryptField(rotating, sentence, here))).toBe(newKeys.id);
  });

  it("refuses values in an unknown format", () => {
    expect(() => decryptField(ring, "plain text", here)).toThrow(/unknown format/);
  });
});
