import fs from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { dictionary as Dictionary } from "@zxcvbn-ts/language-common";

const minimumLength = 12;

// Bundled, so the check works offline: about 49,000 passwords seen in breaches (zxcvbn-ts's common
// list, MIT) and our own short list of the worst offenders and this site's own words. Read at the first
// password checked, not at every start: the package holds every zxcvbn list, and most starts check no
// password (record 063). `require` keeps the check synchronous.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (common) return common;
  const { dictionary } = createRequire(import.meta.url)("@zxcvbn-ts/language-common") as {
    dictionary: typeof Dictionary;
  };
  common = new Set([
    ...fs
      .readFileSync(fileURLToPath(new URL("./common-passwords.txt", import.meta.url)), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    ...dictionary["passwords-common"].map((password) => password.toLowerCase()),
  ]);
  return common;
}

/** Why a new password is refused, in one sentence for beside the field; undefined when it is fine. */
export function passwordProblem(password: string, email: string): string | undefined {
  if (password.length < minimumLength) {
    return `Please use at least ${minimumLength} characters — a short sentence is easy to remember.`;
  }
  const lowered = password.toLowerCase();
  const known = commonPasswords();
  if (known.has(lowered) || known.has(lowered.replace(/[^a-z0-9]/g, ""))) {
    return "That password appears on lists of common passwords. Please choose another.";
  }
  const name = email.split("@")[0]?.toLowerCase() ?? "";
  if (name.length >= 4 && lowered.includes(name)) {
    return "Please choose a password that does not contain your email address.";
  }
  return undefined;
}
