import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Issue 18's rule: every sentence a person reads lives in its feature's `messages.ts` (or the platform's),
// so words can be found, reviewed and one day translated in one place. This test reads every route,
// page and component file and fails on a literal that reads as a sentence.

const root = join(import.meta.dirname, "..", "..");

/** Files that show things to people: routes, pages, sections and other components. */
function isRouteOrPage(path: string): boolean {
  if (/\.test\.tsx?$/.test(path) || /messages\.ts$/.test(path)) return false;
  return path.endsWith(".tsx") || /-routes\.ts$/.test(path);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * A sentence: at least four words of letters, starting with a capital or ending in punctuation a
 * sentence ends with. Class names ("field field-inline stack wide"), paths and ids never match.
 */
function readsAsSentence(text: string): boolean {
  const trimmed = text.replace(/\s+/g, " ").trim();
  const words = trimmed.split(" ").filter((word) => /^[("“'‘]?[A-Za-z][A-Za-z'’]*[)”’.,;:!?]*$/.test(word));
  if (words.length < 4) return false;
  return /^[A-Z“‘"']/.test(trimmed) || /[.?!…]$/.test(trimmed);
}

type Found = { file: string; line: number; text: string };

/** Calls whose strings are for machines or logs, not for a person reading a page. */
const notForPeople =
  /^(log|logger|request\.log|app\.log|console)\b|\.(info|warn|error|debug)$|^(recordAudit)$/;

function sentencesIn(path: string): Found[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const note = (node: ts.Node, text: string) => {
    if (!readsAsSentence(text)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push({ file: relative(root, path), line: line + 1, text: text.trim().slice(0, 80) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && notForPeople.test(node.expression.getText(source))) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) note(node, node.text);
    else if (ts.isTemplateExpression(node))
      note(node, [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" x "));
    else if (ts.isJsxText(node)) note(node, node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("words live in messages.ts", () => {
  it("tells a sentence from a class name, a path or a short label", () => {
    expect(readsAsSentence("Please press the button again.")).toBe(true);
    expect(readsAsSentence("We couldn't find that page")).toBe(true);
    expect(readsAsSentence("field field-inline choice stack")).toBe(false);
    expect(readsAsSentence("/practice/clients/:id/screened")).toBe(false);
    expect(readsAsSentence("Save")).toBe(false);
    expect(readsAsSentence("Book a consultation")).toBe(false);
  });

  it("finds no sentence in a route, page or component file", () => {
    const files = [
      ...filesUnder(join(root, "src", "features")),
      ...filesUnder(join(root, "src", "platform", "web")),
    ]
      .filter(isRouteOrPage)
      .sort();
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap(sentencesIn);
    expect(found.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });
});
