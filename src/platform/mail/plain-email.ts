import type { OutgoingMail } from "./mailer.ts";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A short message as text, and as HTML with its links made clickable. No images, no tracking, no
 * remote content: the HTML part is the same words.
 */
export function plainEmail(to: string, subject: string, text: string): OutgoingMail {
  const html = text
    .split("\n\n")
    .map((paragraph) => {
      const escaped = escapeHtml(paragraph).replace(/\n/g, "<br>");
      return `<p>${escaped.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p>`;
    })
    .join("\n");
  return { to, subject, text, html: `<!doctype html><html><body>${html}</body></html>` };
}
