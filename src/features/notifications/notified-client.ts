import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { openClientField } from "../accounts/clients/client-crypto.ts";

/**
 * The client a notification names, read for the therapist's page: nobody once the client is gone or
 * has asked to be erased, so an old alert never brings their name back.
 */
export function notifiedClient(
  ring: KeyRing,
  row: { clientId: string | null; nameEncrypted: string | null; erasureRequestedAt: Date | null },
): { clientId: string | null; clientName: string | null } {
  if (row.clientId === null || row.nameEncrypted === null || row.erasureRequestedAt !== null) {
    return { clientId: null, clientName: null };
  }
  return {
    clientId: row.clientId,
    clientName: openClientField(ring, row.clientId, "name_encrypted", row.nameEncrypted),
  };
}
