import { describe, expect, it } from "vitest";
import { neighbours, relatedArticles } from "./related-articles.ts";

const a = (slug: string, tags: string[], publishedOn: string) => ({ slug, tags, publishedOn });
const current = a("current", ["cycles", "repair"], "2026-10-01");
const all = [
  a("newest-one-tag", ["cycles"], "2026-11-10"),
  a("older-two-tags", ["cycles", "repair"], "2026-09-01"),
  current,
  a("unrelated", ["history"], "2026-11-12"),
  a("mid-one-tag", ["repair"], "2026-10-20"),
];

describe("relatedArticles", () => {
  it("prefers more shared tags, then recency, and never includes the article itself", () => {
    expect(relatedArticles(current, all).map((x) => x.slug)).toEqual([
      "older-two-tags",
      "newest-one-tag",
      "mid-one-tag",
    ]);
  });

  it("leaves out articles that share no tag", () => {
    expect(relatedArticles(current, all, 10).map((x) => x.slug)).not.toContain("unrelated");
  });

  it("respects the limit", () => {
    expect(relatedArticles(current, all, 1)).toHaveLength(1);
  });
});

describe("neighbours", () => {
  const newestFirst = [a("c", [], "2026-11-01"), a("b", [], "2026-10-01"), a("a", [], "2026-09-01")];

  it("gives the older article as previous and the newer as next", () => {
    const { previous, next } = neighbours(newestFirst[1] as (typeof newestFirst)[number], newestFirst);
    expect(previous?.slug).toBe("a");
    expect(next?.slug).toBe("c");
  });

  it("has no next for the newest and no previous for the oldest", () => {
    expect(neighbours(newestFirst[0] as (typeof newestFirst)[number], newestFirst).next).toBeUndefined();
    expect(neighbours(newestFirst[2] as (typeof newestFirst)[number], newestFirst).previous).toBeUndefined();
  });
});
