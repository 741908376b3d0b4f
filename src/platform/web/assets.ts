import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../config.ts";
import { BuildCache, type BuildOutput } from "./build-cache.ts";
import type { CompressedBody } from "./compressed-body.ts";

export type Asset = { fileName: string; contentType: string; body: CompressedBody };

/** Built once at start-up; pages ask for an asset by its logical name and get a hashed URL. */
export type AssetRegistry = {
  url(name: string): string;
  byFileName(fileName: string): Asset | undefined;
};

/** Which stylesheets and scripts this start built, and which it took unchanged from the cache. */
export type AssetBuildReport = { built: string[]; reused: string[] };

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

// What changes a build's output besides its input files: the builder's version and these options.
const scriptOptions = {
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  legalComments: "none",
} as const;
const packageVersion = (name: string) =>
  (
    JSON.parse(fs.readFileSync(path.join(projectRoot, "node_modules", name, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;

// esbuild and lightningcss are loaded only when something must be built: a start that reuses the cache
// never loads them (nor starts esbuild's service process).
async function buildScript(entryPoint: string): Promise<BuildOutput> {
  const { build } = await import("esbuild");
  const result = await build({
    ...scriptOptions,
    target: [...scriptOptions.target],
    entryPoints: [entryPoint],
    write: false,
    metafile: true,
    absWorkingDir: projectRoot,
  });
  return {
    output: Buffer.from(result.outputFiles[0]?.contents ?? new Uint8Array()),
    inputs: Object.keys(result.metafile.inputs).map((input) => path.resolve(projectRoot, input)),
  };
}

async function buildStyles(): Promise<BuildOutput> {
  const { bundleAsync } = await import("lightningcss");
  const inputs: string[] = [];
  const { code } = await bundleAsync({
    filename: path.join(webDir, "styles", "site.css"),
    minify: true,
    resolver: {
      read(file) {
        inputs.push(file); // every stylesheet the bundle reads, @imports included
        return fs.readFileSync(file, "utf8");
      },
    },
  });
  return { output: Buffer.from(code), inputs };
}

/**
 * Builds CSS and JS, and takes the images of the site and of the content folder. `scripts` are further
 * enhancement scripts by logical name and entry file, which features hand in (the platform knows none).
 */
export async function buildAssets(
  contentDir: string,
  scripts: Record<string, string> = {},
  options: { cacheDir?: string | undefined } = {},
): Promise<AssetRegistry & { build: AssetBuildReport }> {
  // Kept between starts in the data dir and reused while every input is unchanged (issue 17, record 063).
  const cache = new BuildCache(options.cacheDir);
  const sources = new Map<string, Buffer>([
    ["site.css", await cache.get("site.css", `lightningcss ${packageVersion("lightningcss")}`, buildStyles)],
  ]);
  const scriptKey = `esbuild ${packageVersion("esbuild")} ${JSON.stringify(scriptOptions)}`;
  const allScripts = { "enhance.js": path.join(webDir, "client", "enhance.ts"), ...scripts };
  for (const [name, entryPoint] of Object.entries(allScripts)) {
    sources.set(name, await cache.get(name, `${scriptKey} ${entryPoint}`, () => buildScript(entryPoint)));
  }
  // The build service is not needed once the bundles are in memory.
  if (cache.built.some((name) => name.endsWith(".js"))) await (await import("esbuild")).stop();
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
      body: cache.compress(content),
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
    build: { built: cache.built, reused: cache.reused },
  };
}
