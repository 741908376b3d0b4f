import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { appSettings } from "../../platform/db/app-settings.schema.ts";
import { readSetting, writeSetting } from "../../platform/db/app-settings.ts";
import type { Database } from "../../platform/db/database.ts";
import { anyTherapistCanSignIn } from "./sign-in-therapist.ts";

type StoredSetupLink = { hash: string; expiresAt: string };
const settingKey = "setup_link";
const lifetimeMs = 24 * 3600 * 1000;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Until a therapist can sign in, each start makes a new one-time link for creating the first account
 * (earlier links stop working). Returns the path, or undefined once an account exists. Demo data is not an account.
 */
export async function issueSetupLink(db: Database, now = new Date()): Promise<string | undefined> {
  if (await anyTherapistCanSignIn(db)) {
    await db.delete(appSettings).where(eq(appSettings.key, settingKey));
    return undefined;
  }
  const token = randomBytes(24).toString("base64url");
  await writeSetting(db, settingKey, {
    hash: hash(token),
    expiresAt: new Date(now.getTime() + lifetimeMs).toISOString(),
  });
  return `/setup/${token}`;
}

export async function setupTokenIsValid(db: Database, token: string, now = new Date()): Promise<boolean> {
  const stored = await readSetting<StoredSetupLink>(db, settingKey);
  if (!stored || new Date(stored.expiresAt) <= now) return false;
  const expected = Buffer.from(stored.hash, "hex");
  const actual = Buffer.from(hash(token), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export async function consumeSetupLink(db: Database): Promise<void> {
  await db.delete(appSettings).where(eq(appSettings.key, settingKey));
}
