import { describe, expect, it } from "vitest";
import { renderMarkdown, slugifyHeading } from "./render-markdown.ts";

describe("renderMarkdown", () => {
  it("gives headings stable, unique ids with an anchor link", () => {
    const { html, headings } = renderMarkdown(
      "## Why it hurts\n\ntext\n\n## Why it hurts\n\n### Next: steps",
    );
    expect(headings.map((h) => h.id)).toEqual(["why-it-hurts", "why-it-hurts-2", "next-steps"]);
    expect(html).toContain(
      '<h2 id="why-it-hurts">Why it hurts <a class="heading-anchor" href="#why-it-hurts">',
    );
    expect(html).toContain('<h3 id="next-steps">');
  });

  it("shows raw HTML as text, so a file cannot inject a script", () => {
    const { html } = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("refuses javascript: links", () => {
    expect(renderMarkdown("[click](javascript:alert(1))").html).not.toContain('href="javascript:');
  });

  it("never loads a picture from elsewhere (body images are off)", () => {
    expect(renderMarkdown("![tracker](https://example.com/pixel.png)").html).not.toContain("<img");
  });

  it("renders pull quotes as an aside hidden from screen readers (it repeats the text)", () => {
    const { html } = renderMarkdown("::: pullquote\nA line worth lifting.\n:::");
    expect(html).toContain('<aside class="pull-quote" aria-hidden="true">');
    expect(html).toContain("A line worth lifting.");
  });

  it("renders lists and quotes", () => {
    const { html } = renderMarkdown("- one\n- two\n\n> said gently");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<blockquote>");
  });
});

describe("slugifyHeading", () => {
  it("drops accents and punctuation", () => {
    expect(slugifyHeading("Café — what’s next?")).toBe("cafe-what-s-next");
    expect(slugifyHeading("!!!")).toBe("section");
  });
});
