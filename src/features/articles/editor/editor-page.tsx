import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import type { FormState } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { formatMoment } from "../../../platform/web/format-date.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import type { ArticleSnapshot } from "../article-history.schema.ts";
import { HeroPicture } from "../images/hero-picture.tsx";
import { findImage, uploadedImageId } from "../images/image-queries.ts";
import { ArticleEditPage } from "./article-edit-page.tsx";
import type { ArticleFormValues } from "./article-form.ts";
import { type EditableArticle, listRevisions } from "./editor-queries.ts";
import { editorMessages as m } from "./messages.ts";

export const editorFormName = "articles";
const noticeParam = z.enum(["draft", "published", "scheduled", "restored"]);

/** What the edit page says about where the article stands. */
export function statusLineOf(article: EditableArticle | undefined, timeZone: string): string | undefined {
  if (!article) return undefined;
  if (article.status === "scheduled" && article.publishAt)
    return m.status.scheduled(formatMoment(article.publishAt, timeZone));
  return article.status === "published" ? m.status.published : m.status.draft;
}

/** Draws the editor for a new or saved article (no-store: it is the practice's unpublished work). */
export function editorPage(ctx: AppContext, imageChoices: () => Promise<{ value: string; label: string }[]>) {
  const { db, site, keys } = ctx;
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: FormState<ArticleFormValues>,
    options: { article?: EditableArticle | undefined; preview?: ArticleSnapshot } = {},
  ) => {
    const { article, preview } = options;
    const zone = site.practice.timeZone;
    const revisions = article ? await listRevisions(db, article.id) : [];
    const uploadedId = preview ? uploadedImageId(preview.hero.src) : undefined;
    const uploaded = uploadedId ? await findImage(db, uploadedId) : undefined;
    const notice = noticeParam.safeParse((request.query as Record<string, unknown>).notice);
    return sendPrivate(
      reply,
      renderPage(
        <ArticleEditPage
          site={site}
          token={formTokenFor(request, keys.current, editorFormName, "session")}
          articleId={article?.id}
          statusLine={statusLineOf(article, zone)}
          form={state}
          imageChoices={await imageChoices()}
          preview={preview}
          previewHero={
            preview && (
              <HeroPicture
                site={site}
                hero={preview.hero}
                uploaded={uploaded}
                base="/practice/articles/images"
              />
            )
          }
          revisions={revisions.map((r) => ({
            id: r.id,
            when: formatMoment(r.savedAt, zone),
            by: r.savedBy ?? m.someone,
            title: r.snapshot.title,
          }))}
          notice={notice.success ? m.notices[notice.data] : undefined}
        />,
      ),
      status,
    );
  };
}
