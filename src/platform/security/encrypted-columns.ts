/**
 * Every column that holds encrypted values, keyed by the row's `id`. Re-encryption after a key
 * rotation walks this list; a test fails when a column named *_encrypted is missing from it.
 */
export const encryptedColumns: { table: string; column: string }[] = [
  { table: "jobs", column: "payload_encrypted" },
];
