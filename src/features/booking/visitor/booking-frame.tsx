import type { ComponentChildren } from "preact";
import { Layout, type PageMeta } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { EmbedLayout } from "../embed/embed-layout.tsx";
import { embedMessages } from "../embed/messages.ts";

/**
 * Where the visitor's booking flow is shown: on the site itself, or framed in a practice's own site
 * (record 041). The same routes and pages serve both; only the paths, the layout and links out differ.
 */
export type BookingFrame = {
  /** The path the flow's pages sit under. */
  base: "/book" | "/embed/book";
  embedded: boolean;
};

export const siteFrame: BookingFrame = { base: "/book", embedded: false };
export const embedFrame: BookingFrame = { base: "/embed/book", embedded: true };

/**
 * The site's layout with the quick exit (DOMAIN.md §4: booking a consultation is sensitive), or the
 * embed's minimal one without it. In a frame the exit cannot do its job: the practice's own page
 * around the frame stays on screen and in the history, and a framed page may not replace that page
 * (browsers allow it only on a click, and a sandboxed frame not at all), so the exit would empty the
 * frame and nothing else. Rather than a button that seems safe and is not, the embed offers "Open in
 * a new tab", where every booking page carries the real exit.
 */
export function BookingLayout(props: {
  frame: BookingFrame;
  site: SiteContext;
  meta: PageMeta;
  /** This page on the full site ("/book…"), for the embed's "Open in a new tab". */
  fullSitePath: string;
  children: ComponentChildren;
}) {
  const { frame, site, meta, fullSitePath, children } = props;
  return frame.embedded ? (
    <EmbedLayout site={site} meta={meta} fullSitePath={fullSitePath}>
      {children}
    </EmbedLayout>
  ) : (
    <Layout site={site} meta={meta}>
      <QuickExit url={site.practice.quickExitUrl} inMain />
      {children}
    </Layout>
  );
}

/**
 * A link out of the booking flow (help, privacy, the manage page). Inside an embed it opens a new tab,
 * because every page outside the flow refuses to be framed.
 */
export function LeaveLink(props: {
  frame: BookingFrame;
  href: string;
  class?: string;
  children: ComponentChildren;
}) {
  const { frame, href, children } = props;
  return frame.embedded ? (
    <a href={href} class={props.class} target="_blank" rel="noopener">
      {children}
      <span class="visually-hidden">{embedMessages.newTab}</span>
    </a>
  ) : (
    <a href={href} class={props.class}>
      {children}
    </a>
  );
}
