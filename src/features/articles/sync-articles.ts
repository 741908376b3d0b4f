import { and, eq, isNull, notInArray } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { takeStartupWriteLock } from "../../platform/db/startup-write-lock.ts";
import { articles } from "./article.schema.ts";
import type { ArticleFile } from "./article-file.types.ts";
import { articleRedirects } from "./article-history.schema.ts";

export type SyncReport = {
  inserted: number;
  updated: number;
  unchanged: number;
  keptEdited: number;
  removed: number;
};

/**
 * Brings the articles table in line with the files: new files are added, changed files update their
 * article, unchanged ones are left alone (matched by content hash). An article edited in the browser
 * is never overwritten by its file, nor brought back under the address it had before its slug was changed
 * in the browser (record 054). Demo articles are imported only while demo data is on.
 */
export async function syncArticles(
  db: Database,
  files: ArticleFile[],
  includeDemo: boolean,
): Promise<SyncReport> {
  const wanted = files.filter((file) => includeDemo || !file.demo);
  const report: SyncReport = { inserted: 0, updated: 0, unchanged: 0, keptEdited: 0, removed: 0 };
  await db.transaction(async (tx) => {
    await takeStartupWriteLock(tx);
    for (const file of wanted) {
      const values = {
        slug: file.slug,
        title: file.title,
        summary: file.summary,
        author: file.author,
        publishedOn: file.published,
        updatedOn: file.updated ?? null,
        tags: file.tags,
        hero: file.hero,
        references: file.references,
        bodyMarkdown: file.bodyMarkdown,
        sourceHash: file.sourceHash,
        isDemo: file.demo,
      };
      const [existing] = await tx
        .select({ id: articles.id, sourceHash: articles.sourceHash, edited: articles.editedInBrowserAt })
        .from(articles)
        .where(eq(articles.slug, file.slug));
      const [renamed] = existing
        ? []
        : await tx
            .select({ id: articleRedirects.articleId })
            .from(articleRedirects)
            .where(eq(articleRedirects.oldSlug, file.slug));
      if (renamed) {
        report.keptEdited++;
      } else if (!existing) {
        await tx.insert(articles).values(values);
        report.inserted++;
      } else if (existing.edited) {
        report.keptEdited++;
      } else if (existing.sourceHash === file.sourceHash) {
        report.unchanged++;
      } else {
        await tx
          .update(articles)
          .set({ ...values, updatedAt: new Date() })
          .where(eq(articles.id, existing.id));
        report.updated++;
      }
    }
    // A file that was removed takes its article with it, unless someone edited that article here.
    const keep = wanted.map((file) => file.slug);
    const removed = await tx
      .delete(articles)
      .where(
        and(
          isNull(articles.editedInBrowserAt),
          keep.length > 0 ? notInArray(articles.slug, keep) : undefined,
        ),
      )
      .returning({ id: articles.id });
    report.removed = removed.length;
  });
  return report;
}
