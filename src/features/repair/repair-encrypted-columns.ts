import type { EncryptedColumn } from "../../platform/security/encrypted-columns.ts";

/** The repair space's encrypted columns, re-encrypted after a key rotation (gathered in src/encrypted-columns.ts). */
export const repairEncryptedColumns: EncryptedColumn[] = [
  { table: "injuries", column: "name_encrypted" },
  { table: "injury_marks", column: "note_encrypted" },
  { table: "injury_suggestions", column: "body_encrypted" },
  { table: "story_versions", column: "body_encrypted" },
];
