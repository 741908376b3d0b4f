import { sql } from "drizzle-orm";
import type { Database } from "./database.ts";
import { startupWriteLockId } from "./migrations-folder.ts";

/**
 * Waits for any other instance's start-up writes to finish; released when the transaction ends.
 * Without it, two instances starting together could both insert the same article or demo therapist.
 */
export async function takeStartupWriteLock(tx: Database): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${startupWriteLockId})`);
}
