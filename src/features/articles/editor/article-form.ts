import { z } from "zod";
import { fieldText } from "../../../platform/web/form-post.ts";
import type { ArticleSnapshot } from "../article-history.schema.ts";
import { editorMessages as m } from "./messages.ts";

export const articleIntents = ["preview", "draft", "publish", "schedule"] as const;
export type ArticleIntent = (typeof articleIntents)[number];

/** What the editor's form holds, as typed, to show again. */
export type ArticleFormValues = {
  title: string;
  slug: string;
  summary: string;
  author: string;
  tags: string;
  heroSrc: string;
  heroAlt: string;
  heroCredit: string;
  references: string;
  body: string;
  publishAt: string;
  intent: string;
};

const fieldNames = [
  "title",
  "slug",
  "summary",
  "author",
  "tags",
  "heroSrc",
  "heroAlt",
  "heroCredit",
  "references",
  "body",
  "publishAt",
  "intent",
] as const;

export function readArticleForm(body: unknown): ArticleFormValues {
  const values = {} as ArticleFormValues;
  for (const name of fieldNames) values[name] = fieldText(body, name);
  return values;
}

/** The form again from a saved article (for its edit page). */
export function formValuesOf(snapshot: ArticleSnapshot, publishAt = ""): ArticleFormValues {
  return {
    title: snapshot.title,
    slug: snapshot.slug,
    summary: snapshot.summary,
    author: snapshot.author,
    tags: snapshot.tags.join(", "),
    heroSrc: snapshot.hero.src,
    heroAlt: snapshot.hero.alt,
    heroCredit: snapshot.hero.credit,
    references: snapshot.references.map((r) => (r.doi ? `${r.text} | ${r.doi}` : r.text)).join("\n"),
    body: snapshot.bodyMarkdown,
    publishAt,
    intent: "",
  };
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const doiPattern = /^10\.\d{4,9}\/\S+$/;

/** "Text | 10.x/y" lines → references; the first bad line's number, for the message beside the field. */
export function parseReferences(text: string): ArticleSnapshot["references"] | { badLine: number } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const references: ArticleSnapshot["references"] = [];
  for (const [index, line] of lines.entries()) {
    const bar = line.lastIndexOf("|");
    const refText = (bar >= 0 ? line.slice(0, bar) : line).trim();
    const doi = bar >= 0 ? line.slice(bar + 1).trim() : "";
    if (!refText || refText.length > 500 || (bar >= 0 && !doiPattern.test(doi)))
      return { badLine: index + 1 };
    references.push(doi ? { text: refText, doi } : { text: refText });
  }
  return references;
}

export type ParsedArticleForm = { intent: ArticleIntent; snapshot: ArticleSnapshot; publishAt: string };

/** The form's schema: one message per field, written for the person beside it. */
export function articleFormSchema(imageNames: readonly string[]): z.ZodType<ParsedArticleForm> {
  return z
    .object({
      intent: z.enum(articleIntents).catch("preview"),
      title: z.string().trim().min(1, m.problems.title).max(140, m.problems.title),
      slug: z.string().trim().max(100, m.problems.slug).regex(slugPattern, m.problems.slug),
      summary: z.string().trim().min(1, m.problems.summary).max(240, m.problems.summary),
      author: z.string().trim().min(1, m.problems.author).max(100, m.problems.author),
      tags: z
        .string()
        .transform((text) =>
          [...new Set(text.split(",").map((tag) => tag.trim().toLowerCase()))].filter(Boolean),
        )
        .pipe(z.array(z.string().max(100).regex(slugPattern)).min(1).max(5))
        .catch(() => [] as string[])
        .refine((tags) => tags.length > 0, m.problems.tags),
      heroSrc: z.string().refine((src) => imageNames.includes(src), m.problems.heroSrc),
      heroAlt: z.string().trim().min(1, m.problems.heroAlt).max(300, m.problems.heroAlt),
      heroCredit: z.string().trim().min(1, m.problems.heroCredit).max(200, m.problems.heroCredit),
      references: z.string().transform((text, ctx) => {
        const parsed = parseReferences(text);
        if (!Array.isArray(parsed)) {
          ctx.addIssue({ code: "custom", message: m.problems.reference(parsed.badLine) });
          return z.NEVER;
        }
        if (parsed.length > 40) {
          ctx.addIssue({ code: "custom", message: m.problems.tooManyReferences });
          return z.NEVER;
        }
        return parsed;
      }),
      body: z.string().trim().min(1, m.problems.body).max(50_000, m.problems.bodyTooLong),
      publishAt: z.string().trim(),
    })
    .superRefine((form, ctx) => {
      if (form.intent === "schedule" && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(form.publishAt))
        ctx.addIssue({ code: "custom", path: ["publishAt"], message: m.problems.publishAtMissing });
    })
    .transform((form) => ({
      intent: form.intent,
      publishAt: form.publishAt,
      snapshot: {
        slug: form.slug,
        title: form.title,
        summary: form.summary,
        author: form.author,
        tags: form.tags,
        hero: { src: form.heroSrc, alt: form.heroAlt, credit: form.heroCredit },
        references: form.references,
        bodyMarkdown: form.body.replace(/\r\n/g, "\n"),
      },
    }));
}
