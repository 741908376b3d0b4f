import { readSetting, writeSetting } from "../db/app-settings.ts";
import type { Database } from "../db/database.ts";
import { type KeySource, keyCheckMatches, keyCheckValue, type SecretKeys } from "./secret-key.ts";

const rotation =
  "To rotate to a new key, give the new one as HAVEN_SECRET_KEY and the old one as HAVEN_SECRET_KEY_PREVIOUS.";

/** What went wrong, said in terms of where the key came from, and what to do about it. */
function wrongKeyMessage(source: KeySource): string {
  if (source.kind === "environment")
    return `HAVEN_SECRET_KEY does not match the key this database was set up with. Set HAVEN_SECRET_KEY to the original key. ${rotation}`;
  if (source.kind === "key file")
    return `The key file ${source.path} does not match the key this database was set up with (HAVEN_SECRET_KEY is not set, so Haven read that file). Put back the key file that belonged to this database — after restoring a backup, the one you kept apart from it — or set HAVEN_SECRET_KEY to the original key. ${rotation}`;
  return `This database was set up with a secret key, but HAVEN_SECRET_KEY is not set and there is no key file at ${source.path} (a backup never holds the key). Put the key file that belonged to this database there (mode 0600), or set HAVEN_SECRET_KEY to that key. No new key file was written.`;
}

export class WrongSecretKeyError extends Error {
  constructor(source: KeySource = { kind: "environment" }) {
    super(wrongKeyMessage(source));
    this.name = "WrongSecretKeyError";
  }
}

/**
 * Stops start-up on a wrong key, before anything is encrypted with it
 * (otherwise new data would be written under a key that cannot read the old). A new key file is
 * written only for a database that has no key yet: never beside restored data it cannot read.
 */
export async function verifySecretKey(
  db: Database,
  keys: SecretKeys,
  previous?: SecretKeys,
  source: KeySource = { kind: "environment" },
): Promise<void> {
  const stored = await readSetting<string>(db, "key_check");
  if (stored === undefined) {
    if (source.kind === "new key file") source.write();
    await writeSetting(db, "key_check", keyCheckValue(keys));
    return;
  }
  if (keyCheckMatches(keys, stored)) return;
  if (previous && keyCheckMatches(previous, stored)) return; // rotation in progress
  throw new WrongSecretKeyError(source);
}
