import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { clientMessages } from "../accounts/clients/client-messages.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { loadInstrumentDefinitions } from "../assessments/instruments/definitions/index.ts";
import { catalogue } from "../assessments/instruments/instrument-catalogue.ts";
import { needsYouFormName } from "../notifications/needs-you-section.tsx";
import { MeasuresPage } from "./measures-page.tsx";
import { loadPracticeHome } from "./practice-home-data.ts";
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
    const actor = requestActor(request);
    const home = await loadPracticeHome({ db, keys }, therapist, {
      definitions,
      mayRead: (resource) => allow(actor, "read", resource),
    });
    return sendPrivate(
      reply,
      renderPage(
        <PracticeHomePage
          site={site}
          home={home}
          needsYouToken={formTokenFor(request, keys.current, needsYouFormName, "session")}
          notice={notice.success ? clientMessages.invited(notice.data === "invited-2" ? 2 : 1) : undefined}
          token={formTokenFor(request, keys.current, "sign-out", "session")}
        />,
      ),
    );
  });
}
