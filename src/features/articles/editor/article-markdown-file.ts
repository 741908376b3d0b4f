import YAML from "yaml";
import type { ArticleSnapshot } from "../article-history.schema.ts";

/**
 * An article as a file in the `content/articles` format (front matter, then the Markdown), so a download
 * can be put back in the content folder, kept in version control, or moved to another Haven.
 */
export function articleMarkdownFile(
  snapshot: ArticleSnapshot,
  dates: { published: string; updated?: string | null },
): string {
  const frontMatter = {
    title: snapshot.title,
    slug: snapshot.slug,
    summary: snapshot.summary,
    author: snapshot.author,
    published: dates.published,
    ...(dates.updated ? { updated: dates.updated } : {}),
    tags: snapshot.tags,
    hero: snapshot.hero,
    references: snapshot.references,
  };
  const body = snapshot.bodyMarkdown.endsWith("\n") ? snapshot.bodyMarkdown : `${snapshot.bodyMarkdown}\n`;
  return `---\n${YAML.stringify(frontMatter, { lineWidth: 0 })}---\n\n${body}`;
}
