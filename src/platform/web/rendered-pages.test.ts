import { describe, expect, it } from "vitest";
import { RenderedPages } from "./rendered-pages.ts";

describe("RenderedPages", () => {
  it("renders a key once and gives the same HTML after", () => {
    const pages = new RenderedPages();
    let renders = 0;
    const render = () => `<p>${++renders}</p>`;
    expect(pages.get("a", render).toString()).toBe("<p>1</p>");
    expect(pages.get("a", render)).toBe(pages.get("a", render));
    expect(pages.get("b", render).toString()).toBe("<p>2</p>");
    expect(renders).toBe(2);
  });

  it("holds at most its bound, letting the oldest go first", () => {
    const pages = new RenderedPages(2);
    let renders = 0;
    const render = () => String(++renders);
    pages.get("a", render);
    pages.get("b", render);
    pages.get("c", render);
    expect(pages.size).toBe(2);
    expect(pages.get("b", render).toString()).toBe("2");
    expect(pages.get("a", render).toString()).toBe("4");
  });
});
