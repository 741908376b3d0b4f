import { createHash, randomInt } from "node:crypto";

/** No 0/O or 1/I/L, so a code copied onto paper reads back the same. */
const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const recoveryCodeCount = 10;

/** Ten single-use codes like "K7QM-2XRD-P9", about 59 bits each: enough that guessing is hopeless. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** Case, spaces and dashes do not matter when someone types a code back. */
export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/** Codes are random, not chosen by people, so a plain SHA-256 is enough to store them safely. */
export function hashRecoveryCode(input: string): string {
  return createHash("sha256")
    .update(`haven-recovery:${normaliseRecoveryCode(input)}`)
    .digest("hex");
}

export function looksLikeRecoveryCode(input: string): boolean {
  return normaliseRecoveryCode(input).length === 12;
}
