import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { undeliveredEmails } from "../../platform/mail/undelivered-emails.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { clientMessages } from "../accounts/clients/client-messages.ts";
import { groupByCouple, listClientsOf } from "../accounts/clients/list-clients.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { loadInstrumentDefinitions } from "../assessments/instruments/definitions/index.ts";
import { catalogue } from "../assessments/instruments/instrument-catalogue.ts";
import { screensNeedingAttention } from "../assessments/measures/screens-needing-attention.ts";
import { bookingAttention } from "../booking/therapist/booking-attention.ts";
import { needsYou, notifyByEmailOf } from "../notifications/needs-you.ts";
import { needsYouFormName } from "../notifications/needs-you-section.tsx";
import { MeasuresPage } from "./measures-page.tsx";
import { PracticeHomePage } from "./practice-home-page.tsx";

const notices = z.enum(["invited-1", "invited-2"]);

export function registerPracticeRoutes(
  app: FastifyInstance,
  { db, site, keys, instruments, instrumentPack }: AppContext,
): void {
  const measures = catalogue(instruments, instrumentPack);
  // The same definitions the app loads at start (as the client-data register does), to tell a positive
  // screen for harm from the others.
  const definitions = loadInstrumentDefinitions();
  app.get("/practice/measures", { config: { access: "therapist" } }, (_request, reply) =>
    sendPrivate(reply, renderPage(<MeasuresPage site={site} entries={measures} />)),
  );

  app.get("/practice", { config: { access: "therapist" } }, async (request, reply) => {
    const therapist = therapistOf(request);
    const notice = notices.safeParse((request.query as Record<string, unknown>).notice);
    const listing = await listClientsOf(db, keys, therapist.id);
    const actor = requestActor(request);
    const flagged = await screensNeedingAttention(db, keys, {
      therapistId: therapist.id,
      definitions,
      mayRead: (resource) => allow(actor, "read", resource),
    });
    // Showing the flag is a staff read of clinical data: audited like opening the record.
    for (const clientId of flagged) {
      await recordAudit(db, {
        actor: `therapist:${therapist.id}`,
        action: "measure.screen-flag-shown",
        subject: `client:${clientId}`,
      });
    }
    return sendPrivate(
      reply,
      renderPage(
        <PracticeHomePage
          site={site}
          therapistName={therapist.displayName}
          isOwner={therapist.isOwner}
          groups={groupByCouple(listing)}
          screenFlags={listing.filter((client) => flagged.includes(client.id))}
          booking={await bookingAttention(db, therapist.id)}
          needsYou={await needsYou(db, keys, therapist.id)}
          notifyByEmail={await notifyByEmailOf(db, therapist.id)}
          timeZone={therapist.timeZone}
          undeliveredEmails={therapist.isOwner ? await undeliveredEmails(db, keys) : []}
          needsYouToken={formTokenFor(request, keys.current, needsYouFormName, "session")}
          notice={notice.success ? clientMessages.invited(notice.data === "invited-2" ? 2 : 1) : undefined}
          token={formTokenFor(request, keys.current, "sign-out", "session")}
        />,
      ),
    );
  });
}
