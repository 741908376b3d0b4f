import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** One response body, compressed ahead of time so a cached page costs no CPU per request. */
export type CompressedBody = {
  raw: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
};

/** `made`: the compressed forms already made from these bytes (build-cache.ts keeps them between starts). */
export function compressBody(content: string | Buffer, made?: { br: Buffer; gzip: Buffer }): CompressedBody {
  const raw = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return {
    raw,
    br:
      made?.br ??
      brotliCompressSync(raw, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      }),
    gzip: made?.gzip ?? gzipSync(raw, { level: 9 }),
    etag: `"${createHash("sha256").update(raw).digest("base64url").slice(0, 22)}"`,
  };
}

/** Picks the smallest encoding the browser accepts. */
export function chooseEncoding(acceptEncoding: string | undefined): "br" | "gzip" | undefined {
  const accepted = (acceptEncoding ?? "")
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([, q]) => q === undefined || !/q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name?.trim().toLowerCase());
  if (accepted.includes("br")) return "br";
  if (accepted.includes("gzip")) return "gzip";
  return undefined;
}

/** Whether the browser already holds this body: its If-None-Match names the ETag, weak or strong. */
export function alreadyHeld(ifNoneMatch: string | undefined, body: CompressedBody): boolean {
  return ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === body.etag) ?? false;
}

/** The bytes to send in the encoding chosen (the plain ones when there is none). */
export function bytesIn(body: CompressedBody, encoding: "br" | "gzip" | undefined): Buffer {
  return encoding === "br" ? body.br : encoding === "gzip" ? body.gzip : body.raw;
}
