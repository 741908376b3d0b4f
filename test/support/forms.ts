import type { FastifyInstance } from "fastify";

/** The hidden CSRF token of the form posting to `action`, or of the first form on the page. */
export function formTokenIn(html: string, action?: string): string {
  // Without an action, the page's own form: the first in <main>, not the header's sign-out.
  const start = action ? html.indexOf(`action="${action}"`) : Math.max(0, html.indexOf("<main"));
  if (start < 0) throw new Error(`the page has no form posting to ${action}`);
  const token = /name="_form" value="([^"]+)"/.exec(html.slice(start))?.[1];
  if (!token) throw new Error("the page has no form token");
  return token;
}

/**
 * The page with every form token blanked: a signed-in page carries the header's sign-out token, made
 * afresh for each request, so two answers that must be the same are compared without them.
 */
export function withoutFormTokens(html: string): string {
  return html.replace(/name="_form" value="[^"]*"/g, 'name="_form" value="…"');
}

let nextAddress = 1;
/** A fresh client address, so rate limits counted per address do not leak between tests. */
export function freshAddress(): string {
  nextAddress++;
  return `10.0.${Math.floor(nextAddress / 250)}.${nextAddress % 250}`;
}

/** Opens a page and posts its form as a browser would (same origin, with the page's token). */
export async function submitForm(
  app: FastifyInstance,
  options: {
    page: string;
    action?: string;
    fields: Record<string, string>;
    cookie?: string;
    address?: string;
  },
) {
  const remoteAddress = options.address ?? freshAddress();
  const headers = options.cookie ? { cookie: options.cookie } : {};
  const page = await app.inject({ url: options.page, headers, remoteAddress });
  return app.inject({
    method: "POST",
    url: options.action ?? options.page,
    remoteAddress,
    headers: { ...headers, "sec-fetch-site": "same-origin" },
    payload: { _form: formTokenIn(page.body, options.action ?? options.page), ...options.fields },
  });
}

/** "name=value" for the Cookie header, from a response's Set-Cookie. */
export function cookieFrom(response: { cookies: { name: string; value: string }[] }, name: string): string {
  const cookie = response.cookies.find((c) => c.name === name);
  if (!cookie) throw new Error(`no ${name} cookie was set`);
  return `${cookie.name}=${cookie.value}`;
}
