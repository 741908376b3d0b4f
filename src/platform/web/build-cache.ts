import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { type CompressedBody, compressBody } from "./compressed-body.ts";

/**
 * A built file kept between starts, like make's dependency files: beside the output it records every file the
 * build read and a hash of each, and it is reused only while each of those files still has that hash. So a
 * change to any input, even one imported from far away, rebuilds it; nothing is ever guessed from mtimes.
 */
export type BuildOutput = { output: Buffer; inputs: string[] };

type Manifest = { key: string; inputs: Record<string, string>; output: string };

const sha256 = (content: Buffer | string) => createHash("sha256").update(content).digest("hex");

function hashFile(file: string): string | undefined {
  try {
    return sha256(fs.readFileSync(file));
  } catch {
    return undefined; // an input that went away: the build is made again
  }
}

/** Written beside, then renamed: a start stopped half-way never leaves half a file to be reused. */
function writeAtomically(file: string, content: Buffer | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

export class BuildCache {
  /** The names reused from the cache, and those built at this start (for the start-up log). */
  readonly reused: string[] = [];
  readonly built: string[] = [];

  /** `dir` undefined: no cache (everything is built in memory, as before). */
  constructor(private readonly dir: string | undefined) {}

  /**
   * The output of `build` for `name`. `key` holds what is not a file but changes the output (the builder's
   * version, its options); a different key rebuilds.
   */
  async get(name: string, key: string, build: () => Promise<BuildOutput>): Promise<Buffer> {
    const kept = this.read(name, key);
    if (kept) {
      this.reused.push(name);
      return kept;
    }
    const { output, inputs } = await build();
    this.built.push(name);
    this.write(name, key, output, inputs);
    return output;
  }

  /**
   * `compressBody(raw)`, with the brotli and gzip forms kept by the content's hash: brotli at its best quality
   * is the slowest part of taking the site's images and stylesheet, and they rarely change.
   */
  compress(raw: Buffer): CompressedBody {
    if (!this.dir) return compressBody(raw);
    const base = path.join(this.dir, `${sha256(raw).slice(0, 32)}`);
    try {
      const br = fs.readFileSync(`${base}.br`);
      const gzip = fs.readFileSync(`${base}.gz`);
      // Checked by unpacking (a millisecond): a damaged file is made again, never sent.
      if (brotliDecompressSync(br).equals(raw) && gunzipSync(gzip).equals(raw)) {
        return compressBody(raw, { br, gzip });
      }
    } catch {
      // not kept yet
    }
    const body = compressBody(raw);
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      writeAtomically(`${base}.br`, body.br);
      writeAtomically(`${base}.gz`, body.gzip);
    } catch {
      // as in write(): only slower next time
    }
    return body;
  }

  private manifestFile(name: string): string | undefined {
    return this.dir && path.join(this.dir, `${name}.json`);
  }

  private read(name: string, key: string): Buffer | undefined {
    const file = this.manifestFile(name);
    if (!file || !this.dir || !fs.existsSync(file)) return undefined;
    try {
      const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
      if (manifest.key !== key) return undefined;
      for (const [input, hash] of Object.entries(manifest.inputs)) {
        if (hashFile(input) !== hash) return undefined;
      }
      const output = fs.readFileSync(path.join(this.dir, manifest.output));
      // The output itself is checked too: a damaged cache file is rebuilt, never served.
      return path.basename(manifest.output).startsWith(sha256(output).slice(0, 16)) ? output : undefined;
    } catch {
      return undefined;
    }
  }

  private write(name: string, key: string, output: Buffer, inputs: string[]): void {
    const file = this.manifestFile(name);
    if (!file || !this.dir) return;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const hashes: Record<string, string> = {};
      for (const input of inputs) {
        const hash = hashFile(input);
        if (hash === undefined) return; // an input that cannot be read again cannot be checked next time
        hashes[input] = hash;
      }
      const outputName = `${sha256(output).slice(0, 16)}-${name}`;
      const previous = fs.existsSync(file)
        ? (JSON.parse(fs.readFileSync(file, "utf8")) as Manifest)
        : undefined;
      writeAtomically(path.join(this.dir, outputName), output);
      const manifest: Manifest = { key, inputs: hashes, output: outputName };
      writeAtomically(file, JSON.stringify(manifest));
      // The output it replaces goes (its compressed forms stay: another build may give the same bytes again).
      if (previous && previous.output !== outputName)
        fs.rmSync(path.join(this.dir, path.basename(previous.output)), { force: true });
    } catch {
      // A cache that cannot be written (a read-only install) only means building again at the next start.
    }
  }
}
