import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { formIsGenuine, formTokenFor } from "../../../platform/web/form-security.ts";
import { webMessages } from "../../../platform/web/messages.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { editorRateLimit } from "../editor/editor-routes.tsx";
import { findImage, isImagePublished, listImages, variantBytes } from "./image-queries.ts";
import { ImageUploadPage, type UploadForm } from "./image-upload-page.tsx";
import { imageMessages as m } from "./messages.ts";
import { maxUploadBytes, processImage } from "./process-image.ts";
import { readUpload } from "./read-upload.ts";
import { saveImage } from "./save-image.ts";

const formName = "article-images";
const variantParams = z.object({
  id: z.uuid(),
  file: z.string().regex(/^\d{2,4}\.(avif|webp)$/),
});
const contentTypes = { avif: "image/avif", webp: "image/webp" } as const;

/** Uploading pictures (the owner's), and serving them: to visitors only once an article using one is published. */
export function registerImageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl } = ctx;

  const page = async (request: FastifyRequest, reply: FastifyReply, status: number, form: UploadForm) => {
    const images = await Promise.all(
      (await listImages(db)).map(async (image) => {
        const found = await findImage(db, image.id);
        return { ...image, width: found?.widths[0] ?? 0 };
      }),
    );
    const notice = (request.query as Record<string, unknown>).notice === "uploaded" ? m.uploaded : undefined;
    const token = formTokenFor(request, keys.current, formName, "session");
    return sendPrivate(
      reply,
      renderPage(<ImageUploadPage site={site} token={token} images={images} form={form} notice={notice} />),
      status,
    );
  };

  app.get("/practice/articles/images", { config: { access: "owner" } }, (request, reply) =>
    page(request, reply, 200, { values: { alt: "", credit: "" } }),
  );

  // Multipart is parsed only here, so no other form can be sent as a file upload.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 10 } });
    scope.post(
      "/practice/articles/images",
      { config: { ...editorRateLimit, access: "owner" } },
      async (request, reply) => {
        const upload = await readUpload(request);
        const values = { alt: upload.fields.alt ?? "", credit: upload.fields.credit ?? "" };
        request.body = upload.fields;
        if (!formIsGenuine(request, keys.current, formName, "session", publicUrl))
          return page(request, reply, 403, { values, problem: webMessages.formExpired });
        const errors: UploadForm["errors"] = {};
        if (!values.alt.trim() || values.alt.length > 300) errors.alt = m.problems.alt;
        if (!values.credit.trim() || values.credit.length > 200) errors.credit = m.problems.credit;
        if (upload.tooLarge) errors.file = m.problems.tooLarge;
        else if (!upload.file) errors.file = m.problems.missingFile;
        const processed = upload.file && !errors.file ? await processImage(upload.file) : undefined;
        if (upload.file && !errors.file && !processed) errors.file = m.problems.notAnImage;
        if (Object.keys(errors).length > 0 || !processed)
          return page(request, reply, 400, { values, errors, problem: m.problems.notSaved });
        await saveImage(db, {
          alt: values.alt.trim(),
          credit: values.credit.trim(),
          image: processed,
          therapistId: therapistOf(request).id,
        });
        return reply.redirect("/practice/articles/images?notice=uploaded", 303);
      },
    );
  });

  const sendVariant = async (request: FastifyRequest, reply: FastifyReply, visitor: boolean) => {
    const params = variantParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const { id, file } = params.data;
    if (visitor && !(await isImagePublished(db, id))) return reply.callNotFound();
    const [width, format] = file.split(".") as [string, "avif" | "webp"];
    const bytes = await variantBytes(db, id, Number(width), format);
    if (!bytes) return reply.callNotFound();
    return reply
      .type(contentTypes[format])
      .header("cache-control", visitor ? "public, max-age=86400" : "no-store")
      .header("content-disposition", "inline")
      .send(bytes);
  };

  app.get("/media/:id/:file", { config: { access: "public" } }, (request, reply) =>
    sendVariant(request, reply, true),
  );
  app.get("/practice/articles/images/:id/:file", { config: { access: "owner" } }, (request, reply) =>
    sendVariant(request, reply, false),
  );
}
