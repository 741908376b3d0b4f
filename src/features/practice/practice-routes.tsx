import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import type { SiteContext } from "../../platform/web/site-context.ts";
import { clientMessages } from "../accounts/clients/client-messages.ts";
import { groupByCouple, listClientsOf } from "../accounts/clients/list-clients.ts";
import type { CatalogueEntry } from "../assessments/instruments/instrument-catalogue.ts";
import { MeasuresPage } from "./measures-page.tsx";
import { PracticeHomePage } from "./practice-home-page.tsx";

type Deps = { db: Database; site: SiteContext; keys: KeyRing; measures: CatalogueEntry[] };

const notices = z.enum(["invited-1", "invited-2"]);

export function registerPracticeRoutes(app: FastifyInstance, { db, site, keys, measures }: Deps): void {
  app.get("/practice/measures", { config: { access: "therapist" } }, (_request, reply) =>
    sendPrivate(reply, renderPage(<MeasuresPage site={site} entries={measures} />)),
  );

  app.get("/practice", { config: { access: "therapist" } }, async (request, reply) => {
    const therapist = request.therapist;
    if (!therapist) return reply.redirect("/sign-in", 303);
    const notice = notices.safeParse((request.query as Record<string, unknown>).notice);
    return sendPrivate(
      reply,
      renderPage(
        <PracticeHomePage
          site={site}
          therapistName={therapist.displayName}
          isOwner={therapist.isOwner}
          groups={groupByCouple(await listClientsOf(db, keys, therapist.id))}
          notice={notice.success ? clientMessages.invited(notice.data === "invited-2" ? 2 : 1) : undefined}
          token={formTokenFor(request, keys.current, "sign-out", "session")}
        />,
      ),
    );
  });
}
