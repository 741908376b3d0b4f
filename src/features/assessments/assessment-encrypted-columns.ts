import type { EncryptedColumn } from "../../platform/security/encrypted-columns.ts";

/** The assessments' encrypted columns, re-encrypted after a key rotation (gathered in src/encrypted-columns.ts). */
export const assessmentEncryptedColumns: EncryptedColumn[] = [
  { table: "self_check_handoffs", column: "summary_encrypted" },
  { table: "measure_assignments", column: "answers_encrypted" },
];
