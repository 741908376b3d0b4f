import { describe, expect, it } from "vitest";
import { PageCache } from "./page-cache.ts";

describe("the page cache", () => {
  it("peeks at a page only once it is held, and renders it once", async () => {
    const cache = new PageCache();
    let renders = 0;
    const render = async () => {
      renders++;
      return "<p>constant</p>";
    };
    expect(cache.peek("/a")).toBeUndefined();
    const body = await cache.get("/a", render);
    expect(cache.peek("/a")).toBe(body);
    expect(await cache.get("/a", render)).toBe(body);
    expect(renders).toBe(1);
    cache.clear();
    expect(cache.peek("/a")).toBeUndefined();
  });
});
