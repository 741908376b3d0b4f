import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { DatabaseHandle } from "../../platform/db/database.ts";
import { articles } from "./article.schema.ts";
import type { ArticleFile } from "./article-file.types.ts";
import { articleRedirects } from "./article-history.schema.ts";
import { findArticle } from "./article-queries.ts";
import { syncArticles } from "./sync-articles.ts";

function file(slug: string, overrides: Partial<ArticleFile> = {}): ArticleFile {
  return {
    title: `Title ${slug}`,
    slug,
    summary: "Summary",
    author: "Author",
    published: "2026-10-01",
    tags: ["basics"],
    hero: { src: `${slug}.svg`, alt: "Alt", credit: "Credit" },
    references: [],
    demo: false,
    bodyMarkdown: "Body",
    sourceHash: `hash-${slug}`,
    ...overrides,
  };
}

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("syncArticles", () => {
  it("adds new files, leaves unchanged ones, updates changed ones and removes deleted ones", async () => {
    expect(await syncArticles(handle.db, [file("one"), file("two")], false)).toMatchObject({ inserted: 2 });
    expect(await syncArticles(handle.db, [file("one"), file("two")], false)).toMatchObject({
      inserted: 0,
      unchanged: 2,
    });
    const changed = file("one", { title: "New title", sourceHash: "hash-one-v2" });
    expect(await syncArticles(handle.db, [changed], false)).toMatchObject({ updated: 1, removed: 1 });
    expect((await findArticle(handle.db, "one"))?.title).toBe("New title");
    expect(await findArticle(handle.db, "two")).toBeUndefined();
  });

  it("never overwrites or removes an article edited in the browser", async () => {
    await syncArticles(handle.db, [file("edited")], false);
    await handle.db
      .update(articles)
      .set({ title: "Edited here", editedInBrowserAt: new Date() })
      .where(eq(articles.slug, "edited"));
    const report = await syncArticles(
      handle.db,
      [file("edited", { title: "From file", sourceHash: "x" })],
      false,
    );
    expect(report.keptEdited).toBe(1);
    expect((await findArticle(handle.db, "edited"))?.title).toBe("Edited here");
    await syncArticles(handle.db, [], false);
    expect((await findArticle(handle.db, "edited"))?.title).toBe("Edited here");
  });

  it("does not bring an article back under the address it had before its slug was changed here", async () => {
    await syncArticles(handle.db, [file("first-name")], false);
    const [row] = await handle.db
      .update(articles)
      .set({ slug: "second-name", editedInBrowserAt: new Date() })
      .where(eq(articles.slug, "first-name"))
      .returning({ id: articles.id });
    await handle.db.insert(articleRedirects).values({ oldSlug: "first-name", articleId: row?.id ?? "" });
    const report = await syncArticles(handle.db, [file("first-name")], false);
    expect(report).toMatchObject({ inserted: 0, keptEdited: 1 });
    expect(await findArticle(handle.db, "first-name")).toBeUndefined();
    expect(await findArticle(handle.db, "second-name")).toBeDefined();
  });

  it("imports demo articles only while demo data is on", async () => {
    await syncArticles(handle.db, [file("demo-one", { demo: true })], false);
    expect(await findArticle(handle.db, "demo-one")).toBeUndefined();
    await syncArticles(handle.db, [file("demo-one", { demo: true })], true);
    expect((await findArticle(handle.db, "demo-one"))?.isDemo).toBe(true);
  });

  it("writes nothing when one article in the batch cannot be stored", async () => {
    const before = await handle.db.select({ slug: articles.slug }).from(articles);
    const bad = file("bad", { published: "not-a-date" });
    await expect(syncArticles(handle.db, [file("fine"), bad], false)).rejects.toThrow();
    expect(await handle.db.select({ slug: articles.slug }).from(articles)).toEqual(before);
  });
});
