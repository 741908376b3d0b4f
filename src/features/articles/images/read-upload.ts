import "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { maxUploadBytes } from "./process-image.ts";

export type ReadUpload = {
  fields: Record<string, string>;
  file: Buffer | undefined;
  /** The file went past the limit: reading stopped there and nothing of it is kept. */
  tooLarge: boolean;
};

/**
 * Reads a multipart form: its text fields and one file, stopping at the size limit rather than reading
 * a huge upload to its end. Field names other than text fields and `file` are ignored.
 */
export async function readUpload(request: FastifyRequest): Promise<ReadUpload> {
  const fields: Record<string, string> = {};
  let file: Buffer | undefined;
  // A form sent without its file part (a hand-made post): its text fields, and no file.
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(body)) if (typeof value === "string") fields[name] = value;
    return { fields, file: undefined, tooLarge: false };
  }
  try {
    for await (const part of request.parts({ limits: { fileSize: maxUploadBytes, files: 1, fields: 10 } })) {
      if (part.type === "file") {
        const bytes = await part.toBuffer();
        if (part.fieldname === "file" && bytes.length > 0) file = bytes;
      } else if (typeof part.value === "string") {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE")
      return { fields, file: undefined, tooLarge: true };
    throw error;
  }
  return { fields, file, tooLarge: false };
}
