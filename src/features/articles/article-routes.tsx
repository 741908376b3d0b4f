import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendHeldPublicPage, sendPublicPage } from "../../platform/web/public-page.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { ArticleListPage } from "./article-list-page.tsx";
import { ArticlePage } from "./article-page.tsx";
import { currentSlugFor, findArticle, listArticles } from "./article-queries.ts";
import { atomFeed } from "./atom-feed.ts";
import { findImage, uploadedImageId } from "./images/image-queries.ts";
import { neighbours, relatedArticles } from "./related-articles.ts";
import { sitemap } from "./sitemap.ts";

const listQuery = z
  .object({
    tag: z
      .string()
      .regex(/^[a-z0-9-]{1,100}$/)
      .optional(),
  })
  .catch({ tag: undefined });
const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/) });
/** An article's address as the route below matches it: its pages are held under exactly this. */
const articleAddress = /^\/articles\/[a-z0-9-]{1,100}$/;

export function registerArticleRoutes(
  app: FastifyInstance,
  { db, site, cache, heldPages, sitePaths: staticPaths }: AppContext,
): void {
  // A held article is answered before Fastify when the request has no cookie (record 073).
  heldPages.add({ route: "/articles/:slug", matches: (url) => articleAddress.test(url) });

  app.get("/articles", { config: { access: "public" } }, async (request, reply) => {
    const { tag } = listQuery.parse(request.query);
    return sendPublicPage(request, reply, cache, {
      key: `/articles?tag=${tag ?? ""}`,
      render: async () => {
        const all = await listArticles(db);
        const tags = [...new Set(all.flatMap((a) => a.tags))].sort();
        // An unknown tag is a page that does not exist (and is never cached).
        if (tag && !tags.includes(tag)) return undefined;
        return renderPage(<ArticleListPage site={site} articles={all} tags={tags} activeTag={tag} />);
      },
    });
  });

  app.get("/articles/:slug", { config: { access: "public" } }, (request, reply) => {
    // A page already held is sent at once, before any parsing, closure or promise (record 068): only a
    // valid slug's page is ever stored under "/articles/<slug>", so no other address is found here.
    const held = cache.peek(`/articles/${(request.params as { slug?: string }).slug}`);
    if (held) return sendHeldPublicPage(request, reply, held);
    return articlePage(request, reply);
  });

  async function articlePage(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const params = slugParams.safeParse(request.params);
    if (!params.success) {
      reply.callNotFound();
      return reply;
    }
    const key = `/articles/${params.data.slug}`;
    // An address an article had before its slug changed leads to where it is now (never cached, so
    // a cached page costs nothing more; a slug in use is never an old address).
    if (!cache.has(key)) {
      const current = await currentSlugFor(db, params.data.slug);
      if (current) return reply.redirect(`/articles/${current}`, 301);
    }
    return sendPublicPage(request, reply, cache, {
      key,
      render: async () => {
        const article = await findArticle(db, params.data.slug);
        if (!article) return undefined;
        const all = await listArticles(db);
        const { previous, next } = neighbours(article, all);
        const uploadedId = uploadedImageId(article.hero.src);
        const uploaded = uploadedId ? await findImage(db, uploadedId) : undefined;
        return renderPage(
          <ArticlePage
            site={site}
            article={article}
            related={relatedArticles(article, all)}
            previous={previous}
            next={next}
            uploaded={uploaded}
          />,
        );
      },
    });
  }

  app.get("/feed.xml", { config: { access: "public" } }, async (request, reply) =>
    sendPublicPage(request, reply, cache, {
      key: "/feed.xml",
      contentType: "application/atom+xml; charset=utf-8",
      render: async () =>
        atomFeed({
          practiceName: site.practice.name,
          tagline: site.practice.tagline,
          absoluteUrl: site.absoluteUrl,
          articles: await listArticles(db),
        }),
    }),
  );

  app.get("/sitemap.xml", { config: { access: "public" } }, async (request, reply) =>
    sendPublicPage(request, reply, cache, {
      key: "/sitemap.xml",
      contentType: "application/xml; charset=utf-8",
      render: async () => sitemap(site.absoluteUrl, staticPaths, await listArticles(db)),
    }),
  );

  app.get("/robots.txt", { config: { access: "public" } }, async (request, reply) =>
    sendPublicPage(request, reply, cache, {
      key: "/robots.txt",
      contentType: "text/plain; charset=utf-8",
      render: () => `User-agent: *\nDisallow: /sign-in\nSitemap: ${site.absoluteUrl("/sitemap.xml")}\n`,
    }),
  );
}
