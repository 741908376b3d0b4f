import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

// Reads a feed's body up to a size limit, counting the bytes we would parse (after gzip), so neither a
// huge file nor a small compressed "zip bomb" can fill the server's memory. Stops reading the moment the
// limit is passed rather than after the whole body has arrived.

export type BodyResult =
  | { kind: "body"; text: string }
  | { kind: "too-large" }
  | { kind: "unknown-encoding" }
  | { kind: "unreadable" };

export async function readFeedBody(response: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return { kind: "too-large" };
  }
  const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  let body: Readable = response;
  if (encoding === "gzip" || encoding === "x-gzip") {
    const gunzip = createGunzip();
    response.on("error", (error) => gunzip.destroy(error));
    body = response.pipe(gunzip);
  } else if (encoding !== "identity" && encoding !== "") {
    response.destroy();
    return { kind: "unknown-encoding" }; // we only ever ask for gzip
  }

  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const piece = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += piece.length;
      if (size > maxBytes) {
        body.destroy();
        response.destroy();
        return { kind: "too-large" };
      }
      chunks.push(piece);
    }
  } catch (error) {
    if (isZlibError(error)) return { kind: "unreadable" };
    throw error;
  }
  // iCalendar is UTF-8 (RFC 5545 3.1.4); TextDecoder drops a byte-order mark and replaces bad bytes.
  return { kind: "body", text: new TextDecoder("utf-8").decode(Buffer.concat(chunks)) };
}

function isZlibError(error: unknown): boolean {
  return (
    error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("Z_")
  );
}
