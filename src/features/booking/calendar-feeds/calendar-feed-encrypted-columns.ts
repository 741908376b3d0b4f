import type { EncryptedColumn } from "../../../platform/security/encrypted-columns.ts";

/** A calendar feed's address is a secret; re-encrypted after a key rotation (gathered in src/encrypted-columns.ts). */
export const calendarFeedEncryptedColumns: EncryptedColumn[] = [
  { table: "calendar_feeds", column: "url_encrypted" },
];
