import { z } from "zod";

const slug = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and hyphens");
const isoDate = z.iso.date({ message: "must be a date written as YYYY-MM-DD" });

/** The front matter every article file carries. Unknown fields are refused so typos surface. */
export const articleFrontMatterSchema = z.strictObject({
  title: z.string().trim().min(1).max(140),
  slug,
  summary: z.string().trim().min(1).max(240),
  author: z.string().trim().min(1),
  published: isoDate,
  updated: isoDate.optional(),
  tags: z.array(slug).min(1).max(5),
  hero: z.strictObject({
    src: z.string().regex(/^[a-z0-9-]+\.(svg|png|jpg|jpeg|webp)$/, "must be a file name in content/images"),
    alt: z.string().trim().min(1, "every image needs alt text"),
    credit: z.string().trim().min(1),
  }),
  references: z
    .array(
      z.strictObject({
        text: z.string().trim().min(1),
        doi: z
          .string()
          .regex(/^10\.\d{4,9}\/\S+$/, "must be a bare DOI such as 10.1037/0022-006X.74.6.1055")
          .optional(),
      }),
    )
    .default([]),
  /** Shipped demo articles are imported only while demo data is on. */
  demo: z.boolean().default(false),
});

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

export type ArticleFile = ArticleFrontMatter & {
  bodyMarkdown: string;
  sourceHash: string;
};
