import MarkdownIt from "markdown-it";
import container from "markdown-it-container";

export type RenderedMarkdown = { html: string; headings: { id: string; text: string; level: number }[] };

export function slugifyHeading(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "section"
  );
}

function createRenderer() {
  // html: false — raw HTML in an article is shown as text, so a file can never inject a script.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: true });
  // Body images are off: every picture goes through the hero image with its alt text and credit,
  // and no article can make a page load something from another site.
  md.disable("image");
  md.use(container, "pullquote", {
    render(tokens: { nesting: number }[], index: number) {
      // A pull quote repeats a line of the article, so screen readers skip the copy.
      return tokens[index]?.nesting === 1 ? '<aside class="pull-quote" aria-hidden="true">\n' : "</aside>\n";
    },
  });
  // Headings end with a small anchor link, so a reader can share a section.
  md.renderer.rules.heading_close = (tks, idx) => {
    const opening = tks.slice(0, idx).findLast((t) => t.type === "heading_open");
    const id = opening?.attrGet("id");
    const anchor = id
      ? ` <a class="heading-anchor" href="#${id}"><span aria-hidden="true">#</span><span class="visually-hidden">Link to this section</span></a>`
      : "";
    return `${anchor}</${tks[idx]?.tag}>\n`;
  };
  return md;
}

const md = createRenderer();

/** Renders an article body: headings get stable ids and a visible anchor link. */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  const tokens = md.parse(markdown, {});
  const headings: RenderedMarkdown["headings"] = [];
  const used = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    const inline = tokens[i + 1];
    if (open?.type !== "heading_open" || !inline) continue;
    const text =
      inline.children?.map((child: { content: string }) => child.content).join("") ?? inline.content;
    const base = slugifyHeading(text);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    const id = seen === 0 ? base : `${base}-${seen + 1}`;
    open.attrSet("id", id);
    headings.push({ id, text, level: Number(open.tag.slice(1)) });
  }
  return { html: md.renderer.render(tokens, md.options, {}), headings };
}
