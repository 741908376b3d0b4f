import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { build, stop as stopEsbuild } from "esbuild";
import { bundle } from "lightningcss";
import { projectRoot } from "../../config.ts";
import { type CompressedBody, compressBody } from "./compressed-body.ts";

export type Asset = { fileName: string; contentType: string; body: CompressedBody };

/** Built once at start-up; pages ask for an asset by its logical name and get a hashed URL. */
export type AssetRegistry = {
  url(name: string): string;
  byFileName(fileName: string): Asset | undefined;
};

const contentTypes: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
};

const webDir = path.join(projectRoot, "src", "platform", "web");

function hashedName(name: string, content: Buffer): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  const ext = path.extname(name);
  return `${path.basename(name, ext)}.${hash}${ext}`;
}

async function buildScript(entryPoint: string): Promise<Buffer> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    minify: true,
    format: "esm",
    target: ["es2020"],
    write: false,
    legalComments: "none",
  });
  return Buffer.from(result.outputFiles[0]?.contents ?? new Uint8Array());
}

function buildStyles(): Buffer {
  const { code } = bundle({ filename: path.join(webDir, "styles", "site.css"), minify: true });
  return Buffer.from(code);
}

/**
 * Builds CSS and JS, and takes the images of the site and of the content folder. `scripts` are further
 * enhancement scripts by logical name and entry file, which features hand in (the platform knows none).
 */
export async function buildAssets(
  contentDir: string,
  scripts: Record<string, string> = {},
): Promise<AssetRegistry> {
  const sources = new Map<string, Buffer>([
    ["site.css", buildStyles()],
    ["enhance.js", await buildScript(path.join(webDir, "client", "enhance.ts"))],
  ]);
  for (const [name, entryPoint] of Object.entries(scripts)) sources.set(name, await buildScript(entryPoint));
  await stopEsbuild(); // the build service is not needed once the bundles are in memory
  for (const dir of [path.join(webDir, "images"), path.join(contentDir, "images")]) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      if (contentTypes[path.extname(name).toLowerCase()])
        sources.set(name, fs.readFileSync(path.join(dir, name)));
    }
  }
  const byLogical = new Map<string, Asset>();
  const byFile = new Map<string, Asset>();
  for (const [name, content] of sources) {
    const asset: Asset = {
      fileName: hashedName(name, content),
      contentType: contentTypes[path.extname(name).toLowerCase()] ?? "application/octet-stream",
      body: compressBody(content),
    };
    byLogical.set(name, asset);
    byFile.set(asset.fileName, asset);
  }
  return {
    url(name) {
      const asset = byLogical.get(name);
      if (!asset) throw new Error(`Unknown asset ${name}`);
      return `/assets/${asset.fileName}`;
    },
    byFileName: (fileName) => byFile.get(fileName),
  };
}
