import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { articles } from "../article.schema.ts";
import { articleImages, articleImageVariants } from "./image.schema.ts";
import type { ImageFormat } from "./process-image.ts";

/** How an article's hero names an uploaded picture (a content file is named by its file name). */
export const uploadedImagePrefix = "image:";
export const uploadedImageId = (src: string): string | undefined =>
  src.startsWith(uploadedImagePrefix) ? src.slice(uploadedImagePrefix.length) : undefined;

export type UploadedImage = { id: string; alt: string; width: number; height: number; widths: number[] };

export async function listImages(db: Database) {
  return db
    .select({ id: articleImages.id, alt: articleImages.alt, credit: articleImages.credit })
    .from(articleImages)
    .orderBy(desc(articleImages.createdAt));
}

/** An uploaded picture with the widths it is kept at, or undefined. */
export async function findImage(db: Database, id: string): Promise<UploadedImage | undefined> {
  const [image] = await db.select().from(articleImages).where(eq(articleImages.id, id));
  if (!image) return undefined;
  const rows = await db
    .selectDistinct({ width: articleImageVariants.width })
    .from(articleImageVariants)
    .where(eq(articleImageVariants.imageId, id))
    .orderBy(articleImageVariants.width);
  return { ...image, widths: rows.map((row) => row.width) };
}

export async function variantBytes(db: Database, id: string, width: number, format: ImageFormat) {
  const [row] = await db
    .select({ bytes: articleImageVariants.bytes })
    .from(articleImageVariants)
    .where(
      and(
        eq(articleImageVariants.imageId, id),
        eq(articleImageVariants.width, width),
        eq(articleImageVariants.format, format),
      ),
    );
  return row?.bytes;
}

/** Whether a published article shows this picture: only then may a visitor fetch it. */
export async function isImagePublished(db: Database, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.status, "published"), sql`${articles.hero}->>'src' = ${uploadedImagePrefix + id}`))
    .limit(1);
  return row !== undefined;
}
