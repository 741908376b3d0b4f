import type { Metadata } from "sharp";

/** The widths a picture is served at (never wider than it was uploaded). */
export const imageWidths = [480, 960, 1600] as const;
export const imageFormats = ["avif", "webp"] as const;
export type ImageFormat = (typeof imageFormats)[number];

/** Largest upload read; a bigger one is refused while it is read, never stored. */
export const maxUploadBytes = 12 * 1024 * 1024;
/** A picture bigger than this many pixels is refused before it is decoded (a "decompression bomb"). */
const maxPixels = 40_000_000;
const acceptedFormats = new Set(["jpeg", "png", "webp", "avif", "gif", "tiff", "heif"]);

export type ProcessedImage = {
  width: number;
  height: number;
  variants: { width: number; format: ImageFormat; bytes: Buffer }[];
};

/**
 * Checks that the bytes are a picture by reading them (never by the file's name), then re-encodes them at
 * each width as AVIF and WebP. Re-encoding keeps no metadata: EXIF (with any GPS location), XMP and
 * comments are gone; the orientation is applied first so the picture still stands the right way up.
 * Returns undefined when the bytes are not a picture sharp can read.
 */
export async function processImage(bytes: Buffer): Promise<ProcessedImage | undefined> {
  // Loaded at the first upload, not at every start: sharp and libvips are heavy to load and to hold
  // (record 063), and most instances never take a picture.
  const { default: sharp } = await import("sharp");
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
  } catch {
    return undefined;
  }
  if (!meta.format || !acceptedFormats.has(meta.format) || !meta.width || !meta.height) return undefined;
  const upright = meta.orientation && meta.orientation >= 5;
  const width = upright ? meta.height : meta.width;
  const height = upright ? meta.width : meta.height;
  const widths = [...new Set(imageWidths.map((w) => Math.min(w, width)))];
  const variants: ProcessedImage["variants"] = [];
  try {
    for (const w of widths) {
      const resized = () =>
        sharp(bytes, { limitInputPixels: maxPixels, animated: false }).rotate().resize({ width: w });
      variants.push({ width: w, format: "avif", bytes: await resized().avif({ quality: 55 }).toBuffer() });
      variants.push({ width: w, format: "webp", bytes: await resized().webp({ quality: 78 }).toBuffer() });
    }
  } catch {
    return undefined;
  }
  return { width, height, variants };
}
