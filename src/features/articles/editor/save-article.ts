import { and, eq, ne } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import { type Database, sqlState } from "../../../platform/db/database.ts";
import { enqueueJob } from "../../../platform/jobs/job-queue.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import type { FieldErrors } from "../../../platform/web/form-post.ts";
import { type ArticleStatus, articles } from "../article.schema.ts";
import { type ArticleSnapshot, articleRedirects, articleRevisions } from "../article-history.schema.ts";
import { editorMessages as m } from "./messages.ts";
import { dateInZone } from "./publish-time.ts";

export const publishArticleJobKind = "articles.publish";
export type PublishArticlePayload = { articleId: string; publishAt: string };

export type SaveArticleInput = {
  /** Unset for a new article. */
  articleId?: string | undefined;
  therapistId: string;
  intent: "draft" | "publish" | "schedule";
  snapshot: ArticleSnapshot;
  /** Checked by the caller to be in the future; only with "schedule". */
  publishAt?: Date | undefined;
  timeZone: string;
  now: Date;
};

export type SaveArticleResult =
  | { ok: true; articleId: string; status: ArticleStatus }
  | { ok: false; errors: FieldErrors }
  | { ok: false; missing: true };

const slugTaken = { ok: false, errors: { slug: m.problems.slugTaken } } as const;

/**
 * Saves an article from the editor in one transaction: the article, a revision of it, the old address
 * kept as a redirect when the slug changes, the publishing job when scheduled, and the audit entry.
 * A slug another article has is refused beside the field (the unique index settles a race the same way).
 */
export async function saveArticle(
  db: Database,
  ring: KeyRing,
  input: SaveArticleInput,
): Promise<SaveArticleResult> {
  try {
    return await db.transaction((tx) => saveInTransaction(tx, ring, input));
  } catch (error) {
    if (sqlState(error) === "23505") return slugTaken;
    throw error;
  }
}

async function saveInTransaction(
  tx: Database,
  ring: KeyRing,
  input: SaveArticleInput,
): Promise<SaveArticleResult> {
  const { snapshot, intent, now, timeZone } = input;
  const today = dateInZone(now, timeZone);
  const [existing] = input.articleId
    ? await tx.select().from(articles).where(eq(articles.id, input.articleId)).for("update")
    : [];
  if (input.articleId && !existing) return { ok: false, missing: true };
  const [clash] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, snapshot.slug), existing ? ne(articles.id, existing.id) : undefined));
  if (clash) return slugTaken;

  const wasPublished = existing?.status === "published";
  const status: ArticleStatus =
    intent === "publish" ? "published" : intent === "schedule" ? "scheduled" : "draft";
  const publishAt = status === "scheduled" ? (input.publishAt ?? null) : null;
  const dates =
    status === "published"
      ? wasPublished && existing
        ? { publishedOn: existing.publishedOn, updatedOn: today }
        : { publishedOn: today, updatedOn: null }
      : { publishedOn: publishAt ? dateInZone(publishAt, timeZone) : today, updatedOn: null };
  const values = {
    ...snapshot,
    ...dates,
    status,
    publishAt,
    editedInBrowserAt: now,
    updatedAt: now,
  };
  let articleId: string;
  if (existing) {
    await tx.update(articles).set(values).where(eq(articles.id, existing.id));
    articleId = existing.id;
    if (existing.slug !== snapshot.slug) {
      // The old address keeps working (a 301), whoever had it before.
      await tx
        .insert(articleRedirects)
        .values({ oldSlug: existing.slug, articleId })
        .onConflictDoUpdate({ target: articleRedirects.oldSlug, set: { articleId, createdAt: now } });
    }
  } else {
    const [row] = await tx
      .insert(articles)
      .values({ ...values, sourceHash: "" })
      .returning({ id: articles.id });
    if (!row) throw new Error("article insert returned nothing");
    articleId = row.id;
  }
  // An address in use is nobody's old address any more.
  await tx.delete(articleRedirects).where(eq(articleRedirects.oldSlug, snapshot.slug));
  await tx.insert(articleRevisions).values({ articleId, snapshot, savedBy: input.therapistId, savedAt: now });
  if (publishAt) {
    const payload: PublishArticlePayload = { articleId, publishAt: publishAt.toISOString() };
    await enqueueJob(tx, ring, publishArticleJobKind, payload, { runAt: publishAt });
  }
  await recordAudit(tx, {
    actor: `therapist:${input.therapistId}`,
    // Each action named in full, so the audit log's words can be checked against them.
    action:
      status === "draft"
        ? "article.saved-as-draft"
        : status === "scheduled"
          ? "article.scheduled"
          : "article.published",
    subject: `article:${articleId}`,
    detail: { slug: snapshot.slug, ...(publishAt ? { publishAt: publishAt.toISOString() } : {}) },
  });
  return { ok: true, articleId, status };
}
