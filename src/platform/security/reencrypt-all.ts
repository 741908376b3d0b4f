import { sql } from "drizzle-orm";
import { writeSetting } from "../db/app-settings.ts";
import type { Database } from "../db/database.ts";
import { resultRows } from "../db/result-rows.ts";
import type { EncryptedColumnRegister } from "./encrypted-columns.ts";
import { decryptField, encryptField, fieldKeyId, type KeyRing } from "./field-encryption.ts";
import { lookupHash } from "./lookup-hash.ts";
import { keyCheckValue } from "./secret-key.ts";

export type ReencryptReport = { table: string; column: string; rewritten: number }[];

/**
 * Finishes a key rotation: every value still under the previous key is rewritten under the current
 * one, then the key check moves to the current key, so HAVEN_SECRET_KEY_PREVIOUS can be removed.
 * One transaction: a failure leaves everything as it was. The columns come from the caller
 * (src/encrypted-columns.ts gathers every feature's), so the platform names no feature's tables.
 */
export async function reencryptAll(
  db: Database,
  ring: KeyRing,
  { encryptedColumns, lookupColumns }: EncryptedColumnRegister,
): Promise<ReencryptReport> {
  return db.transaction(async (tx) => {
    const report: ReencryptReport = [];
    for (const { table, column } of encryptedColumns) {
      const rows = resultRows<{ id: string; value: string }>(
        await tx.execute(
          sql`select id, ${sql.identifier(column)} as value from ${sql.identifier(table)} where ${sql.identifier(column)} is not null for update`,
        ),
      );
      let rewritten = 0;
      for (const row of rows) {
        if (fieldKeyId(row.value) === ring.current.id) continue;
        const location = { table, column, id: String(row.id) };
        const value = encryptField(ring, decryptField(ring, row.value, location), location);
        await tx.execute(
          sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${value} where id = ${row.id}`,
        );
        rewritten++;
      }
      report.push({ table, column, rewritten });
    }
    for (const { table, column, source, extract } of lookupColumns) {
      const rows = resultRows<{ id: string; value: string }>(
        await tx.execute(sql`select id, ${sql.identifier(source)} as value from ${sql.identifier(table)}`),
      );
      for (const row of rows) {
        const decrypted = decryptField(ring, row.value, { table, column: source, id: String(row.id) });
        const plain = extract ? extract(decrypted) : decrypted;
        await tx.execute(
          sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${lookupHash(ring, plain)} where id = ${row.id}`,
        );
      }
      report.push({ table, column, rewritten: rows.length });
    }
    await writeSetting(tx, "key_check", keyCheckValue(ring.current));
    return report;
  });
}
