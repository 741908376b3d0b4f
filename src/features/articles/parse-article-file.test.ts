import { describe, expect, it } from "vitest";
import { ArticleFileError, parseArticleFile } from "./parse-article-file.ts";

const valid = `---
title: A title
slug: a-title
summary: A short summary.
author: Demo Therapist
published: 2026-10-05
tags: [basics]
hero:
  src: a-title.svg
  alt: Two shapes
  credit: Made for Haven
references:
  - text: Someone (2001). A paper.
    doi: 10.1111/j.1752-0606.2001.tb01152.x
---
Some words here.
`;

function errorOf(text: string, file = "articles/a-title.md"): ArticleFileError {
  try {
    parseArticleFile(file, text);
  } catch (error) {
    if (error instanceof ArticleFileError) return error;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("parseArticleFile", () => {
  it("reads a valid file, keeping dates as plain dates", () => {
    const article = parseArticleFile("articles/a-title.md", valid);
    expect(article.published).toBe("2026-10-05");
    expect(article.tags).toEqual(["basics"]);
    expect(article.demo).toBe(false);
    expect(article.bodyMarkdown).toBe("Some words here.");
    expect(article.sourceHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names the file and the field when a field is wrong", () => {
    const error = errorOf(valid.replace("published: 2026-10-05", "published: 5 October"));
    expect(error.file).toBe("articles/a-title.md");
    expect(error.field).toBe("published");
    expect(error.message).toContain("articles/a-title.md");
    expect(error.message).toContain("published");
  });

  it("names a missing required field", () => {
    expect(errorOf(valid.replace("summary: A short summary.\n", "")).field).toBe("summary");
  });

  it("names a nested field", () => {
    expect(errorOf(valid.replace("  alt: Two shapes\n", "  alt: ''\n")).field).toBe("hero.alt");
  });

  it("refuses unknown fields so typos surface", () => {
    expect(errorOf(valid.replace("tags: [basics]", "tags: [basics]\ntagz: [x]")).message).toMatch(
      /tagz|Unrecognized/i,
    );
  });

  it("refuses a DOI given as a URL", () => {
    expect(errorOf(valid.replace("doi: 10.1111", "doi: https://doi.org/10.1111")).field).toBe(
      "references.0.doi",
    );
  });

  it("requires the slug to match the file name", () => {
    expect(errorOf(valid, "articles/another-name.md").field).toBe("slug");
  });

  it("explains a missing front matter block", () => {
    expect(errorOf("Just words").field).toBe("front matter");
  });

  it("explains front matter that is not YAML", () => {
    expect(errorOf("---\ntitle: [unclosed\n---\nbody").field).toBe("front matter");
  });
});
