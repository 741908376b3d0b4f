import { customType, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** An uploaded picture: its words (alt text and credit are required) and its size. */
export const articleImages = pgTable("article_images", {
  id: uuid("id").primaryKey().defaultRandom(),
  alt: text("alt").notNull(),
  credit: text("credit").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  uploadedBy: uuid("uploaded_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The picture re-encoded at a few widths as AVIF and WebP: no metadata survives (no EXIF, no location).
 * Bytes live in the database, so every instance and every backup has them (record 054).
 */
export const articleImageVariants = pgTable(
  "article_image_variants",
  {
    imageId: uuid("image_id")
      .notNull()
      .references(() => articleImages.id, { onDelete: "cascade" }),
    width: integer("width").notNull(),
    format: text("format").$type<"avif" | "webp">().notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (table) => [primaryKey({ columns: [table.imageId, table.width, table.format] })],
);
