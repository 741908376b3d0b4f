import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { articles } from "../article.schema.ts";
import { articleRevisions } from "../article-history.schema.ts";

/**
 * Brings back the words and front matter of an earlier version as a new version. The address stays as
 * it is now (a change of address is its own act, with its redirect) and so does whether it is published.
 * Returns false when there is no such version of this article.
 */
export async function restoreRevision(
  db: Database,
  input: { articleId: string; revisionId: string; therapistId: string; now: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [revision] = await tx
      .select({ snapshot: articleRevisions.snapshot })
      .from(articleRevisions)
      .where(and(eq(articleRevisions.id, input.revisionId), eq(articleRevisions.articleId, input.articleId)));
    const [article] = await tx
      .select({ slug: articles.slug })
      .from(articles)
      .where(eq(articles.id, input.articleId))
      .for("update");
    if (!revision || !article) return false;
    const snapshot = { ...revision.snapshot, slug: article.slug };
    const { slug: _slug, ...content } = snapshot;
    await tx
      .update(articles)
      .set({ ...content, editedInBrowserAt: input.now, updatedAt: input.now })
      .where(eq(articles.id, input.articleId));
    await tx.insert(articleRevisions).values({
      articleId: input.articleId,
      snapshot,
      savedBy: input.therapistId,
      savedAt: input.now,
    });
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "article.restored",
      subject: `article:${input.articleId}`,
      detail: { revision: input.revisionId },
    });
    return true;
  });
}
