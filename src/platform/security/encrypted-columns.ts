/**
 * Every column that holds encrypted values, keyed by the row's `id`. Re-encryption after a key
 * rotation walks this list; a test fails when a column named *_encrypted is missing from it.
 */
export const encryptedColumns: { table: string; column: string }[] = [
  { table: "jobs", column: "payload_encrypted" },
  { table: "therapists", column: "totp_secret_encrypted" },
  { table: "clients", column: "name_encrypted" },
  { table: "clients", column: "email_encrypted" },
  { table: "clients", column: "totp_secret_encrypted" },
  { table: "workspace_entries", column: "body_encrypted" },
  { table: "bookings", column: "visitor_encrypted" },
  { table: "bookings", column: "decline_message_encrypted" },
  { table: "bookings", column: "practice_message_encrypted" },
  { table: "self_check_handoffs", column: "summary_encrypted" },
  { table: "measure_assignments", column: "answers_encrypted" },
  { table: "calendar_feeds", column: "url_encrypted" },
  { table: "calendar_subscriptions", column: "secret_encrypted" },
];

/**
 * Keyed hashes kept beside an encrypted column so it can be searched (see lookup-hash.ts). After a
 * rotation they are recomputed under the new key from the decrypted value.
 */
export const lookupColumns: {
  table: string;
  column: string;
  source: string;
  /** The searchable value inside the decrypted source, when the source is more than that value. */
  extract?: (plaintext: string) => string;
}[] = [
  { table: "clients", column: "email_lookup", source: "email_encrypted" },
  {
    table: "bookings",
    column: "visitor_email_lookup",
    source: "visitor_encrypted",
    extract: (plaintext) => String((JSON.parse(plaintext) as { email?: unknown }).email ?? ""),
  },
];
