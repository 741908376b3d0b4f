import type { EncryptedColumn } from "../../platform/security/encrypted-columns.ts";

/** The workspace's encrypted columns, re-encrypted after a key rotation (gathered in src/encrypted-columns.ts). */
export const workspaceEncryptedColumns: EncryptedColumn[] = [
  { table: "workspace_entries", column: "body_encrypted" },
];
