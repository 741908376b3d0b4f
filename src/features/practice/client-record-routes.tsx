import { and, eq, ne } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import type { SiteContext } from "../../platform/web/site-context.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { openClientField } from "../accounts/clients/client-crypto.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { entriesSharedWithTherapist } from "../workspace/entries.ts";
import { ClientRecordPage } from "./client-record-page.tsx";

type Deps = { db: Database; site: SiteContext; keys: KeyRing };

const params = z.object({ id: z.uuid() });

/** The therapist's view of one client. Every opening is a staff read of clinical data, and is audited. */
export function registerClientRecordRoutes(app: FastifyInstance, { db, site, keys }: Deps): void {
  app.get("/practice/clients/:id", { config: { access: "therapist" } }, async (request, reply) => {
    const therapist = request.therapist;
    const parsed = params.safeParse(request.params);
    if (!therapist || !parsed.success) return sendErrorPage(reply, site, 404);
    const [row] = await db.select().from(clients).where(eq(clients.id, parsed.data.id));
    const owned = row && { clientId: row.id, therapistId: row.therapistId, coupleId: row.coupleId };
    // Someone else's client looks exactly like no client at all.
    if (!row || !owned || !allow(requestActor(request), "read", { type: "client-account", ...owned }))
      return sendErrorPage(reply, site, 404);

    const [partnerRow] = row.coupleId
      ? await db
          .select()
          .from(clients)
          .where(and(eq(clients.coupleId, row.coupleId), ne(clients.id, row.id)))
      : [];
    const shared = (await entriesSharedWithTherapist(db, keys, row.id)).filter((entry) =>
      allow(requestActor(request), "read", {
        type: "entry",
        ...owned,
        sharedWith: { partner: false, therapist: entry.sharedWithTherapistAt !== null },
      }),
    );
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "client.record-read",
      subject: `client:${row.id}`,
    });
    return sendPrivate(
      reply,
      renderPage(
        <ClientRecordPage
          site={site}
          name={openClientField(keys, row.id, "name_encrypted", row.nameEncrypted)}
          status={row.status}
          partner={
            partnerRow && partnerRow.therapistId === therapist.id
              ? {
                  id: partnerRow.id,
                  name: openClientField(keys, partnerRow.id, "name_encrypted", partnerRow.nameEncrypted),
                }
              : undefined
          }
          shared={shared}
          timeZone={therapist.timeZone}
        />,
      ),
    );
  });
}
