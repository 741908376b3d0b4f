import { readSetting, writeSetting } from "../db/app-settings.ts";
import type { Database } from "../db/database.ts";
import { keyCheckMatches, keyCheckValue, type SecretKeys } from "./secret-key.ts";

export class WrongSecretKeyError extends Error {
  constructor() {
    super(
      "HAVEN_SECRET_KEY does not match the key this database was set up with. Start Haven with the original key (or set the new one as HAVEN_SECRET_KEY and the old one as HAVEN_SECRET_KEY_PREVIOUS to rotate).",
    );
    this.name = "WrongSecretKeyError";
  }
}

/**
 * Stops start-up on a wrong key, before anything is encrypted with it
 * (otherwise new data would be written under a key that cannot read the old).
 */
export async function verifySecretKey(db: Database, keys: SecretKeys, previous?: SecretKeys): Promise<void> {
  const stored = await readSetting<string>(db, "key_check");
  if (stored === undefined) {
    await writeSetting(db, "key_check", keyCheckValue(keys));
    return;
  }
  if (keyCheckMatches(keys, stored)) return;
  if (previous && keyCheckMatches(previous, stored)) return; // rotation in progress
  throw new WrongSecretKeyError();
}
