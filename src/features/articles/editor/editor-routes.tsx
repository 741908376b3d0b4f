import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { actionPost, formPost } from "../../../platform/web/form-post.ts";
import { formatCalendarDate, formatMoment } from "../../../platform/web/format-date.ts";
import { webMessages } from "../../../platform/web/messages.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { listImages, uploadedImagePrefix } from "../images/image-queries.ts";
import { imageMessages } from "../images/messages.ts";
import { ArticleAdminListPage } from "./article-admin-list-page.tsx";
import { articleFormSchema, formValuesOf, readArticleForm } from "./article-form.ts";
import { articleMarkdownFile } from "./article-markdown-file.ts";
import { contentImageNames } from "./content-images.ts";
import { editorFormName, editorPage } from "./editor-page.tsx";
import { findEditableArticle, listAllArticles } from "./editor-queries.ts";
import { editorMessages as m } from "./messages.ts";
import { instantInZone, latestScheduleMs, localDateTimeInZone } from "./publish-time.ts";
import { restoreRevision } from "./restore-revision.ts";
import { saveArticle } from "./save-article.ts";

/** Saving and previewing: more than a sign-in form, fewer than a script would make. */
export const editorRateLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };
const idParams = z.object({ id: z.uuid() });
const restoreParams = z.object({ id: z.uuid(), revisionId: z.uuid() });
const owner = { ...editorRateLimit, access: "owner" } as const;

/** The owner's article editor at /practice/articles (record 054). */
export function registerArticleEditorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, cache, publicUrl, config } = ctx;
  const contentNames = contentImageNames(config.contentDir);
  // The pictures an article may show: the content folder's, then the uploaded ones (by their alt text).
  const imageChoices = async () => [
    ...contentNames.map((name) => ({ value: name, label: name })),
    ...(await listImages(db)).map((image) => ({
      value: `${uploadedImagePrefix}${image.id}`,
      label: imageMessages.choiceLabel(image.alt),
    })),
  ];
  const page = editorPage(ctx, imageChoices);
  const form = { name: editorFormName, scope: "session", keys: keys.current, publicUrl } as const;
  const articleOf = async (request: FastifyRequest) => {
    const params = idParams.safeParse(request.params);
    return params.success ? findEditableArticle(db, params.data.id) : undefined;
  };

  app.get("/practice/articles", { config: { access: "owner" } }, async (_request, reply) => {
    const zone = site.practice.timeZone;
    const rows = await listAllArticles(db);
    const articles = rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      when:
        row.status === "scheduled" && row.publishAt
          ? m.scheduledFor(formatMoment(row.publishAt, zone))
          : m.publishedOn(formatCalendarDate(row.publishedOn)),
    }));
    return sendPrivate(reply, renderPage(<ArticleAdminListPage site={site} articles={articles} />));
  });

  app.get("/practice/articles/new", { config: { access: "owner" } }, (request, reply) => {
    const values = readArticleForm({ author: therapistOf(request).displayName, heroSrc: contentNames[0] });
    return page(request, reply, 200, { values });
  });

  app.get("/practice/articles/:id", { config: { access: "owner" } }, async (request, reply) => {
    const article = await articleOf(request);
    if (!article) return reply.callNotFound();
    const publishAt = article.publishAt ? localDateTimeInZone(article.publishAt, site.practice.timeZone) : "";
    return page(request, reply, 200, { values: formValuesOf(article.snapshot, publishAt) }, { article });
  });

  const save = (articleId: string | undefined, imageNames: string[]) =>
    formPost({
      form,
      read: readArticleForm,
      schema: articleFormSchema(imageNames),
      problemWhenInvalid: m.problems.notSaved,
      rerender: async (request, reply, status, state) =>
        page(request, reply, status, state, { article: articleId ? await articleOf(request) : undefined }),
      handle: async ({ request, reply, data, invalid }) => {
        if (data.intent === "preview") {
          const article = articleId ? await articleOf(request) : undefined;
          return page(
            request,
            reply,
            200,
            { values: readArticleForm(request.body) },
            { article, preview: data.snapshot },
          );
        }
        const now = new Date();
        const zone = site.practice.timeZone;
        const publishAt = data.intent === "schedule" ? instantInZone(data.publishAt, zone) : undefined;
        if (data.intent === "schedule") {
          if (!publishAt) return invalid({ publishAt: m.problems.publishAtMissing });
          if (publishAt.getTime() <= now.getTime()) return invalid({ publishAt: m.problems.publishAtPast });
          if (publishAt.getTime() > now.getTime() + latestScheduleMs)
            return invalid({ publishAt: m.problems.publishAtTooFar });
        }
        const result = await saveArticle(db, keys, {
          articleId,
          therapistId: therapistOf(request).id,
          intent: data.intent,
          snapshot: data.snapshot,
          publishAt,
          timeZone: zone,
          now,
        });
        if (!result.ok) return "missing" in result ? reply.callNotFound() : invalid(result.errors);
        // What the site shows may have changed: its cached pages (articles, feed, sitemap, home) go.
        cache.clear();
        return reply.redirect(`/practice/articles/${result.articleId}?notice=${result.status}`, 303);
      },
    });

  const names = async () => (await imageChoices()).map((choice) => choice.value);
  app.post("/practice/articles/new", { config: owner }, async (request, reply) =>
    save(undefined, await names())(request, reply),
  );
  app.post("/practice/articles/:id", { config: owner }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    return save(params.data.id, await names())(request, reply);
  });

  app.post(
    "/practice/articles/:id/revisions/:revisionId/restore",
    { config: owner },
    actionPost({
      form,
      notGenuine: async (request: FastifyRequest, reply: FastifyReply) => {
        const article = await articleOf(request);
        if (!article) return reply.callNotFound();
        const values = formValuesOf(article.snapshot);
        return page(request, reply, 403, { values, problem: webMessages.formExpired }, { article });
      },
      handle: async (request, reply) => {
        const params = restoreParams.safeParse(request.params);
        if (!params.success) return reply.callNotFound();
        const restored = await restoreRevision(db, {
          articleId: params.data.id,
          revisionId: params.data.revisionId,
          therapistId: therapistOf(request).id,
          now: new Date(),
        });
        if (!restored) return reply.callNotFound();
        cache.clear();
        return reply.redirect(`/practice/articles/${params.data.id}?notice=restored`, 303);
      },
    }),
  );

  app.get("/practice/articles/:id/download", { config: { access: "owner" } }, async (request, reply) => {
    const article = await articleOf(request);
    if (!article) return reply.callNotFound();
    const file = articleMarkdownFile(article.snapshot, {
      published: article.publishedOn,
      updated: article.updatedOn,
    });
    return reply
      .type("text/markdown; charset=utf-8")
      .header("cache-control", "no-store")
      .header("content-disposition", `attachment; filename="${article.snapshot.slug}.md"`)
      .send(file);
  });
}
