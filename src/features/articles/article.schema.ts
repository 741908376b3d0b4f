import { sql } from "drizzle-orm";
import { boolean, check, date, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type ArticleHero = { src: string; alt: string; credit: string };
export type ArticleReference = { text: string; doi?: string | undefined };

/** Published is on the site; a draft is not; a scheduled article is published by a job at `publishAt`. */
export const articleStatuses = ["published", "draft", "scheduled"] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const articles = pgTable(
  "articles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    author: text("author").notNull(),
    publishedOn: date("published_on").notNull(),
    updatedOn: date("updated_on"),
    tags: text("tags").array().notNull(),
    hero: jsonb("hero").$type<ArticleHero>().notNull(),
    references: jsonb("references").$type<ArticleReference[]>().notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    /** Hash of the source file last imported; an unchanged file is not written again. */
    sourceHash: text("source_hash").notNull(),
    /** Set once the article is edited in the browser: files no longer overwrite it. */
    editedInBrowserAt: timestamp("edited_in_browser_at", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    status: text("status").$type<ArticleStatus>().notNull().default("published"),
    /** When a scheduled article goes on the site (UTC); null unless scheduled. */
    publishAt: timestamp("publish_at", { withTimezone: true }),
  },
  (table) => [
    check("articles_status_known", sql`${table.status} in ('published', 'draft', 'scheduled')`),
    check(
      "articles_scheduled_has_time",
      sql`(${table.status} = 'scheduled') = (${table.publishAt} is not null)`,
    ),
  ],
);
