import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/**
 * The typed handle every data-access function takes as its first argument.
 * A transaction is a Database too, so functions work inside or outside one
 * (on PGlite a query on the global handle inside a transaction would deadlock).
 * It carries no schema: queries name their tables, and the relational `db.query` API is not used, so
 * the platform need not know every feature's tables (src/schema.ts is for drizzle-kit only).
 */
export type Database = PgDatabase<PgQueryResultHKT>;

export type DatabaseKind = "pglite" | "postgres";

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

/** Drizzle wraps driver errors; the SQLSTATE lives on the cause. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
