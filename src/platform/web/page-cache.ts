import { type CompressedBody, compressBody } from "./compressed-body.ts";

/**
 * Rendered public pages, compressed once and reused. Public pages hold nothing user-specific,
 * so one copy serves everyone. Bounded, oldest entry out first.
 */
export class PageCache {
  private readonly entries = new Map<string, CompressedBody>();

  constructor(private readonly maxEntries = 500) {}

  /** The cached body, or renders it; a render that finds nothing (undefined) is not cached. */
  async get(key: string, render: () => Promise<string | undefined>): Promise<CompressedBody | undefined> {
    const cached = this.entries.get(key);
    if (cached) return cached;
    const text = await render();
    if (text === undefined) return undefined;
    const body = compressBody(text);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, body);
    return body;
  }

  /** The cached body, if the page is held (no render, no promise: the fast path of a public page). */
  peek(key: string): CompressedBody | undefined {
    return this.entries.get(key);
  }

  /** How many pages are held (for tests and health checks). */
  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
