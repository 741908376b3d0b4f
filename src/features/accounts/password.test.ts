import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password-hash.ts";
import { passwordProblem } from "./password-rules.ts";

describe("password hashing", () => {
  it("verifies the right password only, with a new salt every time", async () => {
    const stored = await hashPassword("a long calm sentence");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("a long calm sentence", stored)).toBe(true);
    expect(await verifyPassword("a long calm sentence.", stored)).toBe(false);
    expect(await hashPassword("a long calm sentence")).not.toBe(stored);
    expect(await verifyPassword("anything", "not a hash")).toBe(false);
  });
});

describe("passwordProblem", () => {
  it("asks for at least 12 characters", () => {
    expect(passwordProblem("short one", "sam@example.org")).toMatch(/at least 12/);
  });

  it("refuses common and breached passwords, however they are capitalised", () => {
    expect(passwordProblem("Password1234", "sam@example.org")).toMatch(/common passwords/);
    expect(passwordProblem("Therapist123", "sam@example.org")).toMatch(/common passwords/);
    // From the bundled list of passwords seen in breaches, not our own short list.
    expect(passwordProblem("123qweasdzxc", "sam@example.org")).toMatch(/common passwords/);
    expect(passwordProblem("MailCreated5240", "sam@example.org")).toMatch(/common passwords/);
  });

  it("refuses a password containing the email's name", () => {
    expect(passwordProblem("alexandra-2026-spring", "alexandra@example.org")).toMatch(/email address/);
  });

  it("accepts a long, uncommon passphrase", () => {
    expect(passwordProblem("the kettle sings at dawn", "sam@example.org")).toBeUndefined();
  });
});
