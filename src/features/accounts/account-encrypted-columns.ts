import type { EncryptedColumn, LookupColumn } from "../../platform/security/encrypted-columns.ts";

/** The accounts' encrypted columns, re-encrypted after a key rotation (gathered in src/encrypted-columns.ts). */
export const accountEncryptedColumns: EncryptedColumn[] = [
  { table: "therapists", column: "totp_secret_encrypted" },
  { table: "clients", column: "name_encrypted" },
  { table: "clients", column: "email_encrypted" },
  { table: "clients", column: "totp_secret_encrypted" },
];

export const accountLookupColumns: LookupColumn[] = [
  { table: "clients", column: "email_lookup", source: "email_encrypted" },
];
