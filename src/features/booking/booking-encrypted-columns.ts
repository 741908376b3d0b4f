import type { EncryptedColumn, LookupColumn } from "../../platform/security/encrypted-columns.ts";

/** The bookings' encrypted columns, re-encrypted after a key rotation (gathered in src/encrypted-columns.ts). */
export const bookingEncryptedColumns: EncryptedColumn[] = [
  { table: "bookings", column: "visitor_encrypted" },
  { table: "bookings", column: "decline_message_encrypted" },
  { table: "bookings", column: "practice_message_encrypted" },
  { table: "bookings", column: "cancel_reason_encrypted" },
];

export const bookingLookupColumns: LookupColumn[] = [
  {
    table: "bookings",
    column: "visitor_email_lookup",
    source: "visitor_encrypted",
    extract: (plaintext) => String((JSON.parse(plaintext) as { email?: unknown }).email ?? ""),
  },
];
