import type { FastifyReply } from "fastify";
import { errorCopy } from "../../../platform/web/error-pages.tsx";
import { renderPage } from "../../../platform/web/render-page.ts";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { embedFrame } from "../visitor/booking-frame.tsx";
import { EmbedLayout } from "./embed-layout.tsx";
import { embedMessages } from "./messages.ts";

/**
 * An error inside the frame (too many attempts, a body too large, a fault): the site's calm words, in the
 * embed's layout, with the way back to the start of the booking rather than to pages that refuse a frame.
 */
function EmbedErrorPage({ site, status }: { site: SiteContext; status: number }) {
  const copy = errorCopy(status);
  return (
    <EmbedLayout site={site} meta={{ title: copy.title, description: copy.body }} fullSitePath="/book">
      <div class="prose-width section stack">
        <h1>{copy.title}</h1>
        <p>{copy.body}</p>
        <p>
          <a href={embedFrame.base}>{embedMessages.startAgain}</a>
        </p>
      </div>
    </EmbedLayout>
  );
}

/** Sent with the embed pages' own policy, so the browser shows it inside the frame. */
export function sendEmbedErrorPage(
  reply: FastifyReply,
  site: SiteContext,
  status: number,
  policy: string,
): FastifyReply {
  return reply
    .code(status)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .header("content-security-policy", policy)
    .send(renderPage(<EmbedErrorPage site={site} status={status} />));
}
