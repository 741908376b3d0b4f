import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress } from "../../../../test/support/forms.ts";
import { addTherapist, signInTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { articleImages, articleImageVariants } from "./image.schema.ts";
import { imageMessages as m } from "./messages.ts";

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await signInTherapist(t, await addTherapist(t, "Olive Oak", "olive@example.org"));
});
afterAll(() => t.close());

const page = "/practice/articles/images";
const boundary = "----haven-test-boundary";

/** A multipart body as a browser sends it: text fields first, then the file. */
function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

async function upload(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const form = await t.app.inject({ url: page, headers: { cookie } });
  return t.app.inject({
    method: "POST",
    url: page,
    remoteAddress: freshAddress(),
    headers: {
      cookie,
      "sec-fetch-site": "same-origin",
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    payload: multipart({ _form: formTokenIn(form.body, page), ...fields }, file),
  });
}

const phoneJpeg = () =>
  sharp({ create: { width: 1000, height: 600, channels: 3, background: "#557799" } })
    .jpeg()
    .withExif({ IFD0: { Make: "Phone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 26/1" } })
    .toBuffer();
const words = { alt: "Two shapes leaning toward each other", credit: "Photo by the practice" };
const imageCount = async () => (await t.handle.db.select().from(articleImages)).length;

describe("uploading a picture", () => {
  it("refuses a missing alt text, a non-picture and a 30 MB file beside the field, storing nothing", async () => {
    const jpeg = await phoneJpeg();
    const noAlt = await upload({ ...words, alt: "" }, { name: "a.jpg", type: "image/jpeg", bytes: jpeg });
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain(`id="field-alt-error">${m.problems.alt}`);
    expect(noAlt.body).toContain(words.credit);

    const script = Buffer.from("<script>alert('hi')</script>");
    const fake = await upload(words, { name: "picture.jpg", type: "image/jpeg", bytes: script });
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain(`id="field-file-error">${m.problems.notAnImage.replace(/'/g, "&#39;")}`);

    const huge = await upload(words, {
      name: "big.jpg",
      type: "image/jpeg",
      bytes: Buffer.alloc(30 * 1024 * 1024, 1),
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain(`id="field-file-error">${m.problems.tooLarge}`);
    expect(huge.body).toContain(words.alt);
    const form = await t.app.inject({ url: page, headers: { cookie } });
    const plain = await t.app.inject({
      method: "POST",
      url: page,
      headers: { cookie, "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn(form.body, page), ...words },
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.body).toContain(`id="field-file-error">${m.problems.missingFile}`);
    expect(await imageCount()).toBe(0);
  });

  it("keeps a JPEG without its EXIF and location, and shows it to visitors only once an article using it is published", async () => {
    const answer = await upload(words, { name: "photo.jpg", type: "image/jpeg", bytes: await phoneJpeg() });
    expect(answer.statusCode).toBe(303);
    const [image] = await t.handle.db.select().from(articleImages);
    const id = image?.id ?? "";
    const variants = await t.handle.db
      .select()
      .from(articleImageVariants)
      .where(eq(articleImageVariants.imageId, id));
    expect(variants.map((v) => `${v.format}:${v.width}`).sort()).toEqual(
      ["avif:1000", "avif:480", "avif:960", "webp:1000", "webp:480", "webp:960"].sort(),
    );
    for (const variant of variants) expect((await sharp(variant.bytes).metadata()).exif).toBeUndefined();
    const audited = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `article-image:${id}`));
    expect(audited.map((a) => a.action)).toEqual(["article-image.uploaded"]);

    // Not published: a visitor gets nothing, even knowing the id; the owner sees it.
    expect((await t.app.inject({ url: `/media/${id}/480.webp` })).statusCode).toBe(404);
    const own = await t.app.inject({ url: `/practice/articles/images/${id}/480.webp`, headers: { cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.headers["content-type"]).toBe("image/webp");
    expect(own.headers["cache-control"]).toBe("no-store");

    // An article with this picture, published.
    const editor = await t.app.inject({ url: "/practice/articles/new", headers: { cookie } });
    expect(editor.body).toContain(`value="image:${id}"`);
    const published = await t.app.inject({
      method: "POST",
      url: "/practice/articles/new",
      remoteAddress: freshAddress(),
      headers: { cookie, "sec-fetch-site": "same-origin" },
      payload: {
        _form: formTokenIn(editor.body, "/practice/articles/new"),
        title: "With a picture",
        slug: "with-a-picture",
        summary: "An article with an uploaded picture.",
        author: "Olive Oak",
        tags: "repair",
        heroSrc: `image:${id}`,
        heroAlt: words.alt,
        heroCredit: words.credit,
        references: "",
        body: "Words.",
        publishAt: "",
        intent: "publish",
      },
    });
    expect(published.statusCode).toBe(303);
    const article = await t.app.inject({ url: "/articles/with-a-picture" });
    expect(article.body).toContain('type="image/avif"');
    expect(article.body).toContain(`/media/${id}/480.webp 480w`);
    const media = await t.app.inject({ url: `/media/${id}/960.avif` });
    expect(media.statusCode).toBe(200);
    expect(media.headers["content-type"]).toBe("image/avif");
    expect(media.headers["x-content-type-options"]).toBe("nosniff");
    expect((await sharp(media.rawPayload).metadata()).format).toBe("heif");
  });
});
