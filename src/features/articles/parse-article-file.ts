import { createHash } from "node:crypto";
import YAML from "yaml";
import { type ArticleFile, articleFrontMatterSchema } from "./article-file.types.ts";

/** A bad article file stops start-up: the message names the file and the field. */
export class ArticleFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Article ${file}: ${field} ${problem}`);
    this.name = "ArticleFileError";
  }
}

const frontMatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function parseArticleFile(file: string, text: string): ArticleFile {
  const match = frontMatterPattern.exec(text);
  if (!match) {
    throw new ArticleFileError(
      file,
      "front matter",
      "is missing: start the file with --- and end it with ---",
    );
  }
  const [, yamlText = "", body = ""] = match;
  let raw: unknown;
  try {
    // The YAML 1.2 core schema keeps dates as strings, so "2026-10-05" stays a plain date.
    raw = YAML.parse(yamlText);
  } catch (error) {
    throw new ArticleFileError(
      file,
      "front matter",
      `is not valid YAML (${(error as Error).message.split("\n")[0]})`,
    );
  }
  const parsed = articleFrontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "front matter";
    throw new ArticleFileError(file, field, issue?.message ?? "is not valid");
  }
  const expectedSlug = file.replace(/^.*\//, "").replace(/\.md$/, "");
  if (parsed.data.slug !== expectedSlug) {
    throw new ArticleFileError(file, "slug", `must match the file name (${expectedSlug})`);
  }
  if (body.trim() === "") throw new ArticleFileError(file, "body", "is empty");
  return {
    ...parsed.data,
    bodyMarkdown: body.trim(),
    sourceHash: createHash("sha256").update(text).digest("hex"),
  };
}
