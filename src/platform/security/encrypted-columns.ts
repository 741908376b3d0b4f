/** A column that holds encrypted values, in a table keyed by `id`. */
export type EncryptedColumn = { table: string; column: string };

/**
 * A keyed hash kept beside an encrypted column so it can be searched (see lookup-hash.ts). After a
 * rotation it is recomputed under the new key from the decrypted value.
 */
export type LookupColumn = {
  table: string;
  column: string;
  source: string;
  /** The searchable value inside the decrypted source, when the source is more than that value. */
  extract?: (plaintext: string) => string;
};

/**
 * What re-encryption walks after a key rotation. The platform names only its own tables; each
 * feature registers its columns and src/encrypted-columns.ts gathers them (as src/client-data.ts
 * gathers client data), where a test fails when a column named *_encrypted is missing.
 */
export type EncryptedColumnRegister = {
  encryptedColumns: readonly EncryptedColumn[];
  lookupColumns: readonly LookupColumn[];
};

export const platformEncryptedColumns: EncryptedColumn[] = [{ table: "jobs", column: "payload_encrypted" }];
