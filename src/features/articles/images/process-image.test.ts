import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { processImage } from "./process-image.ts";

/** A JPEG as a phone makes it: with EXIF naming the camera and where the picture was taken. */
async function phoneJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#885533" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "Phone", Model: "Camera" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "51/1 30/1 26/1",
        GPSLongitudeRef: "W",
        GPSLongitude: "0/1 7/1 39/1",
      },
    })
    .toBuffer();
}

/** Whether an EXIF block points to a GPS directory (tag 0x8825, in either byte order). */
const hasGpsPointer = (exif: Buffer) =>
  exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));

describe("processImage", () => {
  it("strips EXIF and the GPS location from an uploaded JPEG", async () => {
    const input = await phoneJpeg(1200, 800);
    const inputExif = (await sharp(input).metadata()).exif;
    expect(inputExif && hasGpsPointer(inputExif)).toBe(true);
    const processed = await processImage(input);
    expect(processed?.variants.length).toBeGreaterThan(0);
    for (const variant of processed?.variants ?? []) {
      const meta = await sharp(variant.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(variant.bytes.includes(Buffer.from("Phone"))).toBe(false);
    }
  });

  it("makes AVIF and WebP at each width, never wider than the upload", async () => {
    const processed = await processImage(await phoneJpeg(1200, 800));
    expect(processed?.variants.map((v) => `${v.format}:${v.width}`).sort()).toEqual(
      ["avif:1200", "avif:480", "avif:960", "webp:1200", "webp:480", "webp:960"].sort(),
    );
    const webp = processed?.variants.find((v) => v.format === "webp" && v.width === 480);
    expect((await sharp(webp?.bytes).metadata()).format).toBe("webp");
    expect(processed).toMatchObject({ width: 1200, height: 800 });
  });

  it("refuses bytes that are not a picture, whatever the file is called", async () => {
    expect(await processImage(Buffer.from("<script>alert(1)</script>"))).toBeUndefined();
    expect(await processImage(Buffer.from("%PDF-1.7\n"))).toBeUndefined();
    expect(await processImage(Buffer.alloc(0))).toBeUndefined();
  });
});
