import type { FastifyInstance, preHandlerHookHandler } from "fastify";
import type { AppContext } from "../../../app-context.ts";
import { Layout } from "../../../platform/web/layout.tsx";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { CrisisPanel } from "../../safety/crisis-panel.tsx";
import { pauseMessages as m } from "./messages.ts";

/**
 * What a paused client may still post: deleting their own entry, asking for erasure, their second step,
 * and accepting a consent document's new wording (without it they could not read their space; record 060).
 * Signing out and ending sign-ins are not client-only routes, so they are never refused here.
 */
const stillOpen = new Set(["/my/entries/:id/delete", "/my/erase", "/my/two-step", "/my/consent"]);

/**
 * A paused client reads but writes nothing new (record 058). Registered after the crisis-words check, so
 * crisis or control words in a refused post still alert the therapist and show help now on the answer:
 * pausing never pauses safety.
 */
export function registerPausedClientGate(app: FastifyInstance, { site }: AppContext): void {
  const refusePausedClientPosts: preHandlerHookHandler = (request, reply, done) => {
    if (request.method !== "POST" || !request.client?.paused || stillOpen.has(request.routeOptions.url ?? ""))
      return done();
    sendPrivate(
      reply,
      renderPage(
        <Layout site={site} meta={{ title: m.clientTitle, description: m.clientTitle, noindex: true }}>
          <div class="prose-width section stack">
            <h1>{m.clientTitle}</h1>
            <CrisisPanel shown={request.crisisWords} />
            <p>{m.clientBody}</p>
            <p>
              <a href="/my">{m.clientBack}</a>
            </p>
          </div>
        </Layout>,
      ),
      403,
    );
    // Answered here: Fastify goes no further, and `done` is not called.
  };
  app.addHook("preHandler", refusePausedClientPosts);
}
