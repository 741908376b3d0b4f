import { decryptField, encryptField, type KeyRing } from "../../../platform/security/field-encryption.ts";

/** A client's name and email are encrypted, each bound to its row and column. */
type ClientField = "name_encrypted" | "email_encrypted";

export function sealClientField(ring: KeyRing, clientId: string, column: ClientField, value: string): string {
  return encryptField(ring, value, { table: "clients", column, id: clientId });
}

export function openClientField(
  ring: KeyRing,
  clientId: string,
  column: ClientField,
  stored: string,
): string {
  return decryptField(ring, stored, { table: "clients", column, id: clientId });
}
