import type { ComponentChildren } from "preact";
import { FormToken } from "./form-fields.tsx";
import { webMessages as m } from "./messages.ts";
import { jsonForHtml } from "./render-page.ts";
import { type SignedInNav, signedInNav } from "./signed-in-nav.ts";
import type { SiteContext } from "./site-context.ts";

export type PageMeta = {
  title: string;
  description: string;
  /** Path of the canonical URL, e.g. "/articles/the-three-cycles". Omit for pages that should not be indexed. */
  canonicalPath?: string;
  noindex?: boolean;
  og?: { type: "website" | "article"; image?: string; imageAlt?: string };
  jsonLd?: unknown;
};

/** An emergency number and the country it is for; `number` is undefined where it is not known. */
export type FooterEmergency = { number: string | undefined; country: string };

type LayoutProps = {
  site: SiteContext;
  meta: PageMeta;
  children: ComponentChildren;
  /** The country the footer's emergency number is for; the practice's own unless the page shows another. */
  emergency?: FooterEmergency;
};

export function Head({ site, meta }: Omit<LayoutProps, "children" | "emergency">) {
  const fullTitle = meta.title === site.practice.name ? meta.title : `${meta.title} · ${site.practice.name}`;
  const canonical = meta.canonicalPath ? site.absoluteUrl(meta.canonicalPath) : undefined;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{fullTitle}</title>
      <meta name="description" content={meta.description} />
      <meta name="color-scheme" content="light dark" />
      {meta.noindex && <meta name="robots" content="noindex" />}
      {canonical && <link rel="canonical" href={canonical} />}
      <link rel="stylesheet" href={site.assets.url("site.css")} />
      <link rel="icon" href={site.assets.url("favicon.svg")} type="image/svg+xml" />
      <link
        rel="alternate"
        type="application/atom+xml"
        title={m.feedTitle(site.practice.name)}
        href="/feed.xml"
      />
      <meta property="og:site_name" content={site.practice.name} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:type" content={meta.og?.type ?? "website"} />
      {canonical && <meta property="og:url" content={canonical} />}
      {meta.og?.image && <meta property="og:image" content={site.absoluteUrl(meta.og.image)} />}
      {meta.og?.imageAlt && <meta property="og:image:alt" content={meta.og.imageAlt} />}
      <meta name="twitter:card" content={meta.og?.image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={meta.title} />
      <meta name="twitter:description" content={meta.description} />
      {meta.jsonLd !== undefined && (
        // A data block, never executed; CSP does not apply to it and "<" is escaped inside.
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForHtml(meta.jsonLd) }} />
      )}
      <script type="module" src={site.assets.url("enhance.js")} />
    </head>
  );
}

/** A signed-in person's own places instead of the public ones; "Help now" stays for everyone. */
function SignedInLinks({ nav }: { nav: SignedInNav }) {
  return (
    <ul class="site-nav">
      {nav.links.map((link) => (
        <li key={link.href}>
          <a href={link.href}>{link.label}</a>
        </li>
      ))}
      <li>
        <a href="/help-now">{m.nav.helpNow}</a>
      </li>
      <li>
        <form method="post" action="/sign-out" class="site-nav__sign-out">
          <FormToken token={nav.signOutToken} />
          <button class="button button--quiet" type="submit">
            {m.nav.signOut}
          </button>
        </form>
      </li>
    </ul>
  );
}

function SiteHeader({ site }: { site: SiteContext }) {
  const nav = signedInNav();
  return (
    <header class="site-header">
      <DemoBanner site={site} />
      <div class="site-header__inner">
        <a class="site-name" href="/">
          <img src={site.assets.url("mark.svg")} alt="" width={28} height={28} />
          <span>{site.practice.name}</span>
        </a>
        <nav aria-label={m.mainNav}>
          {nav ? (
            <SignedInLinks nav={nav} />
          ) : (
            <ul class="site-nav">
              <li>
                <a href="/articles">{m.nav.articles}</a>
              </li>
              <li>
                <a href="/book">{m.nav.book}</a>
              </li>
              <li>
                <a href="/help-now">{m.nav.helpNow}</a>
              </li>
              <li>
                <a href="/sign-in">{m.nav.signIn}</a>
              </li>
            </ul>
          )}
        </nav>
      </div>
    </header>
  );
}

/** While demo rows exist, every page says so. */
export function DemoBanner({ site }: { site: SiteContext }) {
  return site.demo ? <p class="demo-banner">{m.demoBanner}</p> : null;
}

/**
 * The same safety words on every page; `newTab` where the page is framed in another site (record 041).
 * A number is always named with the country it is for: cached pages are the same for everyone,
 * wherever they are, so they give the practice's country and point elsewhere to the local number.
 */
export function CrisisNote({
  site,
  newTab = false,
  emergency,
}: {
  site: SiteContext;
  newTab?: boolean;
  emergency?: FooterEmergency;
}) {
  const home = site.practice.helpLines.find((c) => c.code === site.practice.country);
  const shown = emergency ?? (home && { number: home.emergency.number, country: home.name });
  return (
    <p class="crisis-note">
      <strong>{m.notCrisisService(site.practice.name)}</strong>{" "}
      {shown?.number ? m.dangerCall(shown.number, shown.country) : m.dangerLocal}{" "}
      {newTab ? (
        <a href="/help-now" target="_blank" rel="noopener">
          {m.findHelpNow}
          <span class="visually-hidden">{m.opensInNewTab}</span>
        </a>
      ) : (
        <a href="/help-now">{m.findHelpNow}</a>
      )}
    </p>
  );
}

function SiteFooter({ site, emergency }: { site: SiteContext; emergency: FooterEmergency | undefined }) {
  return (
    <footer class="site-footer">
      <div class="site-footer__inner">
        <CrisisNote site={site} emergency={emergency} />
        <nav aria-label={m.footerNav}>
          <ul class="footer-nav">
            <li>
              <a href="/privacy">{m.nav.privacy}</a>
            </li>
            <li>
              <a href="/accessibility">{m.nav.accessibility}</a>
            </li>
            <li>
              <a href="/feed.xml">{m.nav.feed}</a>
            </li>
            <li>
              <a href={`mailto:${site.practice.contact.email}`}>{site.practice.contact.email}</a>
            </li>
          </ul>
        </nav>
        <p class="muted">{m.madeWithHaven}</p>
      </div>
    </footer>
  );
}

/** The frame of every page: skip link, header, demo notice, main content, footer with the crisis note. */
export function Layout({ site, meta, children, emergency }: LayoutProps) {
  return (
    <html lang={site.practice.locale}>
      <Head site={site} meta={meta} />
      <body>
        <a class="skip-link" href="#main">
          {m.skipToContent}
        </a>
        <SiteHeader site={site} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter site={site} emergency={emergency} />
      </body>
    </html>
  );
}
