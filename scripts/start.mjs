// `npm start` and the systemd unit: Haven from one JavaScript file built from src/ by esbuild, instead of
// transpiling every module through tsx at each start (record 069). Plain JavaScript, so Node runs it with no
// loader. `node scripts/start.mjs <command>` runs any of main.ts's commands; `node scripts/start.mjs --build`
// only builds (at install, for an install the service cannot write to).
//
// The bundle and a list of every source file it was built from, with their SHA-256, are kept in
// .cache/haven-server/ (inside the install, so the bundle finds the packages, which stay outside it). A start uses the bundle only while every one of those files has the same hash, the bundle itself
// included; otherwise it builds again, and if it cannot (no room, a read-only install) it runs src/ through
// tsx as before: slower, never stale. Development and tests keep running src/ through tsx.
import { createHash } from "node:crypto";
import fs from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Inside the install (so the bundle's imports of packages resolve from it) but not in node_modules, which
// several checkouts may share: the bundle holds its own checkout's paths.
const cacheDir = path.join(root, ".cache", "haven-server");
const bundleFile = path.join(cacheDir, "server.mjs");
const manifestFile = path.join(cacheDir, "manifest.json");
// Part of the key: a change here, or another esbuild, builds again.
const buildVersion = 1;

const sha256 = (file) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
/** Hashes of the sources as the running build read them (filled by `ownPlace`). */
const sourceHashes = new Map();
/** Files that change how the same sources are built, kept in the key with them. */
const buildSettings = ["tsconfig.json", "package.json"];
const nodeMajor = process.versions.node.split(".")[0];

/** The installed esbuild's version, read without loading it. */
const esbuildVersion = () =>
  JSON.parse(fs.readFileSync(path.join(root, "node_modules", "esbuild", "package.json"), "utf8")).version;

/** The bundle, if every input it was built from is unchanged (and it is itself what was written). */
function currentBundle() {
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    if (manifest.buildVersion !== buildVersion || manifest.root !== root) return undefined;
    // The bundle is compiled for one Node: an older one may not run its syntax.
    if (manifest.nodeMajor !== nodeMajor) return undefined;
    if (manifest.esbuildVersion !== esbuildVersion()) return undefined;
    for (const [file, hash] of Object.entries(manifest.inputs)) {
      if (sha256(path.join(root, file)) !== hash) return undefined;
    }
    if (sha256(bundleFile) !== manifest.bundle) return undefined;
    return bundleFile;
  } catch {
    return undefined;
  }
}

/**
 * Each module of src/ sees its own place as it does under tsx: `import.meta.url`, `.dirname` and `.filename`
 * are written into the code as the source file's, so files read beside a module (the password list, the
 * coach's script, the project root) are found wherever the bundle lies.
 */
const ownPlace = {
  name: "haven-own-place",
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = fs.readFileSync(args.path, "utf8");
      // The hash of the very text built from: a file changed while the build runs (a deploy mid-start)
      // then no longer matches, and the next start builds again instead of trusting old code.
      sourceHashes.set(path.relative(root, args.path), createHash("sha256").update(source).digest("hex"));
      const contents = source
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(args.path)))
        .replaceAll("import.meta.filename", JSON.stringify(args.path));
      return { contents, loader: args.path.endsWith(".tsx") ? "tsx" : "ts" };
    });
  },
};

/** Builds src/main.ts and everything it imports from src/ into one file; the packages stay outside. */
async function build() {
  const esbuild = await import("esbuild");
  const started = performance.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, "src", "main.ts")],
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: `node${nodeMajor}`,
    jsx: "automatic",
    jsxImportSource: "preact",
    // As tsx does: names of functions and classes kept, and errors pointing at the TypeScript lines.
    keepNames: true,
    sourcemap: "linked",
    metafile: true,
    write: false,
    outfile: bundleFile,
    plugins: [ownPlace],
    logLevel: "error",
  });
  fs.mkdirSync(cacheDir, { recursive: true });
  // Written beside under a name of this build's own and renamed, so a start never reads half a file, even
  // while another start builds at the same moment.
  const own = `${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  const writeWhole = (file, contents) => {
    fs.writeFileSync(`${file}.${own}`, contents);
    fs.renameSync(`${file}.${own}`, file);
  };
  for (const file of result.outputFiles) writeWhole(file.path, file.contents);
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), ...buildSettings]) {
    inputs[file] = sourceHashes.get(file) ?? sha256(path.join(root, file));
  }
  const manifest = {
    buildVersion,
    root,
    nodeMajor,
    esbuildVersion: esbuild.version,
    inputs,
    // The bundle as this build wrote it: another build's, renamed over it meanwhile, does not match.
    bundle: createHash("sha256")
      .update(result.outputFiles.find((f) => f.path === bundleFile).contents)
      .digest("hex"),
  };
  writeWhole(manifestFile, JSON.stringify(manifest));
  return {
    file: bundleFile,
    ms: Math.round(performance.now() - started),
    inputs: Object.keys(inputs).length,
  };
}

if (process.argv[2] === "--build") {
  const built = await build();
  console.log(`Built ${path.relative(root, built.file)} from ${built.inputs} files in ${built.ms} ms.`);
} else {
  // The quick check first: esbuild is loaded only when something must be built.
  let bundle = currentBundle();
  if (!bundle) {
    try {
      bundle = (await build()).file;
    } catch (error) {
      console.error(`Could not build the server bundle (${error.message}); running src/ through tsx.`);
    }
  }
  if (bundle) {
    // Node 22 and later keep the compiled code of the packages too (Node 20 has no such cache: skipped).
    // A cache that cannot be written only means compiling again.
    module.enableCompileCache?.(path.join(cacheDir, "compile"));
    process.setSourceMapsEnabled(true);
    await import(pathToFileURL(bundle).href);
  } else {
    const { register } = await import("tsx/esm/api");
    register();
    await import(pathToFileURL(path.join(root, "src", "main.ts")).href);
  }
}
