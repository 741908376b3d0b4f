import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { articleImages, articleImageVariants } from "./image.schema.ts";
import type { ProcessedImage } from "./process-image.ts";

/** Stores a checked picture and all its variants in one transaction: all of it, or nothing. */
export async function saveImage(
  db: Database,
  input: { alt: string; credit: string; image: ProcessedImage; therapistId: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(articleImages)
      .values({
        alt: input.alt,
        credit: input.credit,
        width: input.image.width,
        height: input.image.height,
        uploadedBy: input.therapistId,
      })
      .returning({ id: articleImages.id });
    if (!row) throw new Error("image insert returned nothing");
    await tx
      .insert(articleImageVariants)
      .values(input.image.variants.map((variant) => ({ imageId: row.id, ...variant })));
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "article-image.uploaded",
      subject: `article-image:${row.id}`,
    });
    return row.id;
  });
}
