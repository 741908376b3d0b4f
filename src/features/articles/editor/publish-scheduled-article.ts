import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { JobHandler } from "../../../platform/jobs/job-runner.ts";
import { articles } from "../article.schema.ts";
import { dateInZone } from "./publish-time.ts";
import { publishArticleJobKind } from "./save-article.ts";

const payloadSchema = z.object({ articleId: z.uuid(), publishAt: z.iso.datetime({ offset: true }) });

/**
 * Puts a scheduled article on the site. Only the job of the schedule still in force publishes: an
 * article saved again as a draft, published already, or scheduled for another time is left alone,
 * so an old job never undoes a later decision. Returns whether the article went on the site.
 */
export async function publishScheduledArticle(
  db: Database,
  payload: unknown,
  timeZone: string,
): Promise<boolean> {
  const { articleId, publishAt } = payloadSchema.parse(payload);
  const at = new Date(publishAt);
  return db.transaction(async (tx) => {
    const published = await tx
      .update(articles)
      .set({
        status: "published",
        publishAt: null,
        publishedOn: dateInZone(at, timeZone),
        updatedOn: null,
        updatedAt: new Date(),
      })
      .where(and(eq(articles.id, articleId), eq(articles.status, "scheduled"), eq(articles.publishAt, at)))
      .returning({ slug: articles.slug });
    if (published.length === 0) return false;
    await recordAudit(tx, {
      actor: "system",
      action: "article.published",
      subject: `article:${articleId}`,
      detail: { slug: published[0]?.slug ?? "", scheduled: true },
    });
    return true;
  });
}

/** The job that publishes at the scheduled time; the public pages' cache is emptied when it does. */
export function articleJobHandlers(
  db: Database,
  /** Read at each run: the practice may have changed its zone since the article was scheduled. */
  timeZone: () => string,
  onPublished: () => void,
): Record<string, JobHandler> {
  return {
    [publishArticleJobKind]: async (payload) => {
      if (await publishScheduledArticle(db, payload, timeZone())) onPublished();
    },
  };
}
