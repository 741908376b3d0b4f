/**
 * Pages kept as the bytes of the HTML they rendered to (sent as they are, with no copy per request), under a key that holds everything the page shows: for a page
 * that is a pure function of its key and asked for far more often than its inputs change (the booking times
 * page, record 074). Bounded, oldest entry out first, so keys from an open-ended set cannot fill memory.
 */
export class RenderedPages {
  readonly #pages = new Map<string, Buffer>();

  constructor(private readonly maxPages = 100) {}

  /** The page rendered for this key, rendering it now if it is not held. */
  get(key: string, render: () => string): Buffer {
    const held = this.#pages.get(key);
    if (held !== undefined) return held;
    const html = Buffer.from(render(), "utf8");
    if (this.#pages.size >= this.maxPages) {
      const oldest = this.#pages.keys().next().value;
      if (oldest !== undefined) this.#pages.delete(oldest);
    }
    this.#pages.set(key, html);
    return html;
  }

  get size(): number {
    return this.#pages.size;
  }
}
