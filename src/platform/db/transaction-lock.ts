import { sql } from "drizzle-orm";
import type { Database } from "./database.ts";

/**
 * Named transaction locks for decisions that read, then write ("is there an owner yet?"): two
 * requests at the same moment take turns, so both cannot see "none" and both act. Released when the
 * transaction ends. Ids are fixed numbers so every instance agrees on them.
 */
const lockIds = {
  "first-owner": 7_261_001,
  "recurring-job": 7_261_002,
} as const;

export async function takeTransactionLock(tx: Database, name: keyof typeof lockIds): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${lockIds[name]})`);
}
