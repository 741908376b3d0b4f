import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/test-database.ts";
import { projectRoot } from "../config.ts";
import { therapists } from "../features/accounts/therapist.schema.ts";
import { loadArticleFiles } from "../features/articles/load-article-files.ts";
import { syncArticles } from "../features/articles/sync-articles.ts";
import { applyDemoMode } from "../features/demo/demo-data.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";

// Two instances starting at once run the same start-up writes together; each must happen once.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("start-up writes from instances starting together", () => {
  it("seed one demo therapist and import each article once", async () => {
    const files = loadArticleFiles(`${projectRoot}/content`);
    const results = await Promise.allSettled([
      applyDemoMode(handle.db, true, "Demo Therapist", "Europe/London"),
      applyDemoMode(handle.db, true, "Demo Therapist", "Europe/London"),
      syncArticles(handle.db, files, true),
      syncArticles(handle.db, files, true),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    const demo = await handle.db.select().from(therapists).where(eq(therapists.isDemo, true));
    expect(demo).toHaveLength(1);
    const inserted = results
      .slice(2)
      .map((r) => (r.status === "fulfilled" ? (r.value as { inserted: number }).inserted : -1));
    expect(inserted.sort()).toEqual([0, files.length]);
  });
});
