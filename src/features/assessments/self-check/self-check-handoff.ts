import { randomUUID } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { decryptField, encryptField, type KeyRing } from "../../../platform/security/field-encryption.ts";
import type { ReflectionSummary } from "./reflection-summary.ts";
import { selfCheckHandoffs } from "./self-check-handoff.schema.ts";

export const handoffLifetimeMs = 2 * 3600 * 1000;

/** The cookie that tells the booking form a reflection is waiting; it holds only the hand-off's id. */
export const reflectionCookie = "haven-reflection";
const location = (id: string) => ({ table: "self_check_handoffs", column: "summary_encrypted", id });

/** The result page carries the summary sealed in its form, so keeping it needs no second reading of the answers. */
export function sealSummary(ring: KeyRing, summary: ReflectionSummary): string {
  return encryptField(ring, JSON.stringify(summary), {
    table: "self_check_handoffs",
    column: "sealed",
    id: "form",
  });
}

export function unsealSummary(ring: KeyRing, sealed: string): ReflectionSummary | undefined {
  try {
    return JSON.parse(
      decryptField(ring, sealed, { table: "self_check_handoffs", column: "sealed", id: "form" }),
    ) as ReflectionSummary;
  } catch {
    return undefined;
  }
}

/** Keeps a reflection for the booking that follows; old ones are cleared on the way. */
export async function keepReflection(
  db: Database,
  ring: KeyRing,
  summary: ReflectionSummary,
  now = new Date(),
): Promise<string> {
  const id = randomUUID();
  await db.delete(selfCheckHandoffs).where(lt(selfCheckHandoffs.expiresAt, now));
  await db.insert(selfCheckHandoffs).values({
    id,
    summaryEncrypted: encryptField(ring, JSON.stringify(summary), location(id)),
    expiresAt: new Date(now.getTime() + handoffLifetimeMs),
    createdAt: now,
  });
  return id;
}

export async function readReflection(
  db: Database,
  ring: KeyRing,
  id: string,
  now = new Date(),
): Promise<ReflectionSummary | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  // Expired reflections go whenever one is looked for, so none outlives its two hours for long.
  await db.delete(selfCheckHandoffs).where(lt(selfCheckHandoffs.expiresAt, now));
  const [row] = await db
    .select()
    .from(selfCheckHandoffs)
    .where(and(eq(selfCheckHandoffs.id, id), gt(selfCheckHandoffs.expiresAt, now)));
  return row
    ? (JSON.parse(decryptField(ring, row.summaryEncrypted, location(id))) as ReflectionSummary)
    : undefined;
}

export async function forgetReflection(db: Database, id: string): Promise<void> {
  if (/^[0-9a-f-]{36}$/.test(id)) await db.delete(selfCheckHandoffs).where(eq(selfCheckHandoffs.id, id));
}
