import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { helpLinesCacheControl, sendPublicPage } from "../../platform/web/public-page.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { listArticles } from "../articles/article-queries.ts";
import { requestedCountry, shownCountry } from "./help-country.ts";
import { HelpNowPage } from "./help-now-page.tsx";
import { HomePage } from "./home-page.tsx";
import { MarkdownPage } from "./text-pages.tsx";

export type PracticePagesHtml = { privacy: string; accessibility: string };

/** Public pages every search engine may list. */
export const sitePaths = ["/", "/articles", "/book", "/help-now", "/privacy", "/accessibility"];

export function registerSiteRoutes(
  app: FastifyInstance,
  { db, site, cache, heldPages, pages }: AppContext,
): void {
  // These three hold one page each, under their own address (record 073).
  for (const route of ["/", "/privacy", "/accessibility"]) {
    heldPages.add({ route, matches: (url) => url === route });
  }

  app.get("/", { config: { access: "public" } }, (request, reply) =>
    sendPublicPage(request, reply, cache, {
      key: "/",
      render: async () => renderPage(<HomePage site={site} latest={(await listArticles(db)).slice(0, 3)} />),
    }),
  );

  // The country comes from ?country= (the picker, or the browser's guess from its time zone), else
  // the practice's own. Whatever the address holds, the answer is a page, never an error.
  app.get("/help-now", { config: { access: "public" } }, (request, reply) => {
    const { country, cacheable } = shownCountry(site.practice, requestedCountry(request.query));
    return sendPublicPage(request, reply, cache, {
      key: `/help-now?country=${country.code}`,
      cacheControl: helpLinesCacheControl,
      cacheable,
      render: () => renderPage(<HelpNowPage site={site} country={country} />),
    });
  });

  app.get("/privacy", { config: { access: "public" } }, (request, reply) =>
    sendPublicPage(request, reply, cache, {
      key: "/privacy",
      render: () =>
        renderPage(<MarkdownPage site={site} title="Privacy" path="/privacy" html={pages.privacy} />),
    }),
  );

  app.get("/accessibility", { config: { access: "public" } }, (request, reply) =>
    sendPublicPage(request, reply, cache, {
      key: "/accessibility",
      render: () =>
        renderPage(
          <MarkdownPage site={site} title="Accessibility" path="/accessibility" html={pages.accessibility} />,
        ),
    }),
  );
}
