import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../config.ts";
import { loadArticleFiles } from "./load-article-files.ts";

const contentDir = path.join(projectRoot, "content");
const audienceTags = ["when-you-were-hurt", "when-you-caused-hurt", "when-you-both-feel-it", "old-wounds"];

describe("the articles Haven ships", () => {
  const articles = loadArticleFiles(contentDir);

  it("are at least five valid articles", () => {
    expect(articles.length).toBeGreaterThanOrEqual(5);
  });

  it("give each of the home page's four ways in at least two articles", () => {
    for (const tag of audienceTags) {
      expect(articles.filter((a) => a.tags.includes(tag)).length, tag).toBeGreaterThanOrEqual(2);
    }
  });

  it("cite at least one reference with a DOI each", () => {
    for (const article of articles) {
      expect(
        article.references.some((r) => r.doi),
        article.slug,
      ).toBe(true);
    }
  });

  it("never call anyone 'the injuring partner'", () => {
    for (const article of articles)
      expect(article.bodyMarkdown.toLowerCase()).not.toContain("injuring partner");
  });

  it("illustrate with SVGs that load nothing and carry no inline styles or scripts", () => {
    for (const article of articles) {
      const svg = fs.readFileSync(path.join(contentDir, "images", article.hero.src), "utf8");
      expect(svg).not.toMatch(/\sstyle=|<script|\son\w+=|href="http|url\(http/i);
      expect(svg).toMatch(/<title[ >]/);
    }
  });
});
