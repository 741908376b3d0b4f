import { createHash, randomBytes } from "node:crypto";

/** A token for an emailed link: 256 random bits; only its hash is stored, so a copy of the database opens nothing. */
export function newOneTimeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** The shape every emailed token has; anything else is refused before the database is asked. */
export const oneTimeTokenPattern = /^[\w-]{43}$/;
