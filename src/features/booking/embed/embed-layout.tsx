import type { ComponentChildren } from "preact";
import { CrisisNote, DemoBanner, Head, type PageMeta } from "../../../platform/web/layout.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { embedMessages } from "./messages.ts";

/**
 * The frame of a booking page shown inside a practice's own site (record 041): no site header, navigation
 * or footer; the practice's name, a way to open the same page in a full tab, the flow, and the safety words
 * every page carries. Never indexed: the full site's pages are the ones to find.
 */
export function EmbedLayout(props: {
  site: SiteContext;
  meta: PageMeta;
  /** This page on the full site, for "Open in a new tab". */
  fullSitePath: string;
  children: ComponentChildren;
}) {
  const { site, meta, fullSitePath, children } = props;
  const { canonicalPath: _canonical, ...unindexed } = meta;
  return (
    <html lang={site.practice.locale}>
      <Head site={site} meta={{ ...unindexed, noindex: true }} />
      <body class="embedded">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="embed-header">
          <DemoBanner site={site} />
          <div class="embed-header__inner">
            <p class="embed-practice">{site.practice.name}</p>
            <a href={fullSitePath} target="_blank" rel="noopener">
              {embedMessages.openInNewTab}
            </a>
          </div>
        </header>
        {/* Named, so it stays distinct from the practice page's own main landmark around the frame. */}
        <main id="main" tabIndex={-1} aria-label={embedMessages.mainLandmark}>
          {children}
        </main>
        <footer class="embed-footer">
          <CrisisNote site={site} newTab />
        </footer>
      </body>
    </html>
  );
}
