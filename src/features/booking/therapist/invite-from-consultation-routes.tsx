import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { InvitePage } from "../../accounts/clients/client-pages.tsx";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { bookings } from "../booking.schema.ts";
import { openVisitor } from "../booking-record.ts";
import { fullMoment } from "../messages.ts";
import { inviteFromConsultationWords as w } from "./messages.ts";

const bookingIdParam = z.object({ id: z.uuid() });

/**
 * A consultation becomes an invitation in one step: the invitation form, filled in with the visitor's
 * details for the therapist to check, posting to the one invitation route (`/practice/invite`) so the
 * invitation's rules live in one place. Opening it is a staff read of the visitor's details: audited.
 */
export function registerInviteFromConsultationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys } = ctx;

  app.get(
    "/practice/consultations/:id/invite",
    { config: { access: "therapist" } },
    async (request, reply) => {
      const params = bookingIdParam.safeParse(request.params);
      if (!params.success) return reply.callNotFound();
      const therapist = therapistOf(request);
      const [row] = await db
        .select()
        .from(bookings)
        .where(
          and(
            eq(bookings.id, params.data.id),
            eq(bookings.therapistId, therapist.id),
            eq(bookings.status, "confirmed"),
          ),
        );
      // Another therapist's consultation reads exactly as one that does not exist.
      if (!row) return reply.callNotFound();
      const visitor = openVisitor(keys, row);
      await recordAudit(db, {
        actor: `therapist:${therapist.id}`,
        action: "consultation.invite-opened",
        subject: `booking:${row.id}`,
      });
      return sendPrivate(
        reply,
        renderPage(
          <InvitePage
            site={site}
            checkNote={w.checkNote(fullMoment(row.startsAt.getTime(), therapist.timeZone))}
            form={{
              token: formTokenFor(request, keys.current, "invite", "session"),
              values: {
                kind: row.kind === "unsure" ? "" : row.kind,
                firstName: visitor.name,
                firstEmail: visitor.email,
                consultation: row.id,
              },
            }}
          />,
        ),
      );
    },
  );
}
