import fs from "node:fs";
import path from "node:path";
import type { ArticleFile } from "./article-file.types.ts";
import { ArticleFileError, parseArticleFile } from "./parse-article-file.ts";

/** Reads and checks every article in <content>/articles. Throws on the first bad file. */
export function loadArticleFiles(contentDir: string): ArticleFile[] {
  const articlesDir = path.join(contentDir, "articles");
  if (!fs.existsSync(articlesDir)) return [];
  const files = fs
    .readdirSync(articlesDir)
    .filter((name) => name.endsWith(".md"))
    .sort();
  return files.map((name) => {
    const relative = path.join("articles", name);
    const article = parseArticleFile(relative, fs.readFileSync(path.join(articlesDir, name), "utf8"));
    if (!fs.existsSync(path.join(contentDir, "images", article.hero.src))) {
      throw new ArticleFileError(
        relative,
        "hero.src",
        `names ${article.hero.src}, which is not in content/images`,
      );
    }
    return article;
  });
}
