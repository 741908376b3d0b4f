import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { type ArticleHero, type ArticleReference, articles } from "./article.schema.ts";

/** What one revision keeps: everything a therapist can edit, so restoring it is exact. */
export type ArticleSnapshot = {
  slug: string;
  title: string;
  summary: string;
  author: string;
  tags: string[];
  hero: ArticleHero;
  references: ArticleReference[];
  bodyMarkdown: string;
};

/** Every save in the browser keeps the article as it was saved; any of them can be restored. */
export const articleRevisions = pgTable(
  "article_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    snapshot: jsonb("snapshot").$type<ArticleSnapshot>().notNull(),
    /** The therapist who saved it (an id; names are looked up when shown). */
    savedBy: uuid("saved_by"),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("article_revisions_article_idx").on(table.articleId, table.savedAt)],
);

/** An address an article had before its slug changed: answered with a 301 to its address now. */
export const articleRedirects = pgTable("article_redirects", {
  oldSlug: text("old_slug").primaryKey(),
  articleId: uuid("article_id")
    .notNull()
    .references(() => articles.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
