import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import type { SiteContext } from "../../../platform/web/site-context.ts";
import { bookings } from "../booking.schema.ts";
import { openVisitor } from "../booking-record.ts";
import { type Consultation, ConsultationsPage } from "./consultations-page.tsx";

type Deps = { db: Database; site: SiteContext; keys: KeyRing };

/** The therapist's own upcoming consultations. Every opening is a staff read of visitors' details, and is audited. */
export function registerConsultationsRoutes(app: FastifyInstance, { db, site, keys }: Deps): void {
  app.get("/practice/consultations", { config: { access: "therapist" } }, async (request, reply) => {
    const therapist = request.therapist;
    if (!therapist) return reply.redirect("/sign-in", 303);
    // Still listed while it is happening: until it ends.
    const rows = await db
      .select()
      .from(bookings)
      .where(
        and(
          eq(bookings.therapistId, therapist.id),
          inArray(bookings.status, ["requested", "confirmed"]),
          gt(bookings.endsAt, new Date()),
        ),
      )
      .orderBy(asc(bookings.startsAt));
    const consultations: Consultation[] = rows.map((row) => ({
      id: row.id,
      start: row.startsAt.getTime(),
      status: row.status === "requested" ? "requested" : "confirmed",
      kind: row.kind,
      meeting: row.meeting,
      visitorTimeZone: row.visitorTimeZone,
      visitor: openVisitor(keys, row),
    }));
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "consultations.viewed",
      detail: { count: consultations.length },
    });
    return sendPrivate(
      reply,
      renderPage(<ConsultationsPage site={site} zone={therapist.timeZone} consultations={consultations} />),
    );
  });
}
