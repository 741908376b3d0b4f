import type { Database } from "../db/database.ts";
import type { KeyRing } from "../security/field-encryption.ts";

/**
 * What each feature declares for every table that holds a client's data: the policy resource that
 * guards it, what goes into the client's own export, and what erasure does to it. A test fails when a
 * table with a `client_id` column has no declaration (client-data.db.test.ts).
 */
export type ClientDataTable = {
  /** The SQL table. */
  table: string;
  /** The policy resource type that guards its rows (see features/accounts/policies). */
  policy: string;
  /** For the export page: what this part holds, in the client's words. */
  title: string;
  /**
   * The client's own rows, decrypted, as plain values: never a partner's, never safety answers. `null`
   * for a table whose rows are the practice's about the client, not the client's own (say why there).
   */
  export: ((db: Database, ring: KeyRing, clientId: string) => Promise<Record<string, unknown>[]>) | null;
  /**
   * What erasure does, in the client's words: what goes as soon as they ask, and what the practice
   * must keep for its records until the retention date shown to them (then it is deleted).
   */
  erasure: { goesNow?: string; kept?: string };
  /** Removes what goes now; returns how many rows changed. Runs inside the erasure's transaction. */
  erase(tx: Database, clientId: string): Promise<number>;
};
