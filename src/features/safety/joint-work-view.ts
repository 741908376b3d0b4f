import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { dates } from "../../platform/web/date-time-formats.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { openClientField } from "../accounts/clients/client-crypto.ts";
import { jointWorkOf, readyToOpen } from "./joint-work.ts";
import { type JointWorkView, jointWorkFormName } from "./joint-work-section.tsx";

const day = dates.long;

/** What the joint-work section of a couple's record shows, with the partners' names decrypted. */
export async function jointWorkView(
  db: Database,
  keys: KeyRing,
  request: FastifyRequest,
  record: { clientId: string; coupleId: string },
  timeZone: string,
): Promise<JointWorkView> {
  const jointWork = await jointWorkOf(db, record.coupleId);
  const rows = await db
    .select({ id: clients.id, nameEncrypted: clients.nameEncrypted })
    .from(clients)
    .where(eq(clients.coupleId, record.coupleId));
  const names = new Map(
    rows.map((r) => [r.id, openClientField(keys, r.id, "name_encrypted", r.nameEncrypted)]),
  );
  return {
    clientId: record.clientId,
    open: jointWork.open,
    ready: readyToOpen(jointWork),
    sharedBeforeOpening: jointWork.sharedBeforeOpening,
    partners: jointWork.partners.map((p) => ({
      clientId: p.clientId,
      name: names.get(p.clientId) ?? "",
      screenedOn: p.screenedPrivatelyAt ? day(p.screenedPrivatelyAt, timeZone) : null,
    })),
    token: formTokenFor(request, keys.current, jointWorkFormName, "session"),
  };
}
