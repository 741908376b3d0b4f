import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

/** JSON for a data block: "<" is escaped so the text can never close the element it sits in. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
