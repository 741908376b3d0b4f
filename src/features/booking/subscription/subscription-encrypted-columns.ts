import type { EncryptedColumn } from "../../../platform/security/encrypted-columns.ts";

/** The private feed's secret, re-encrypted after a key rotation (gathered in src/encrypted-columns.ts). */
export const subscriptionEncryptedColumns: EncryptedColumn[] = [
  { table: "calendar_subscriptions", column: "secret_encrypted" },
];
