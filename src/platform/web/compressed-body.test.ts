import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { chooseEncoding, compressBody } from "./compressed-body.ts";

describe("compressBody", () => {
  it("keeps identical content in every encoding, under one strong ETag", () => {
    const body = compressBody("<p>hello</p>".repeat(100));
    expect(brotliDecompressSync(body.br).toString()).toBe(body.raw.toString());
    expect(gunzipSync(body.gzip).toString()).toBe(body.raw.toString());
    expect(body.br.length).toBeLessThan(body.raw.length);
    expect(body.etag).toMatch(/^"[\w-]{22}"$/);
    expect(compressBody("other").etag).not.toBe(body.etag);
  });
});

describe("chooseEncoding", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding(undefined)).toBeUndefined();
    expect(chooseEncoding("identity")).toBeUndefined();
  });
});
