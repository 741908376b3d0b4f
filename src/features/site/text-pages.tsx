import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../../platform/web/site-context.ts";
import { siteMessages as m } from "./messages.ts";

/** A page of the practice's own Markdown (privacy, accessibility), already rendered to safe HTML. */
export function MarkdownPage(props: { site: SiteContext; title: string; path: string; html: string }) {
  return (
    <Layout
      site={props.site}
      meta={{ title: props.title, description: props.title, canonicalPath: props.path }}
    >
      <div class="prose-width section">
        <h1>{props.title}</h1>
        <div class="article-body" dangerouslySetInnerHTML={{ __html: props.html }} />
      </div>
    </Layout>
  );
}

export type ConsultationKind = keyof typeof m.bookKind;

/** Until online booking arrives, /book tells the visitor how to reach the practice. */
export function BookPage({ site, kind }: { site: SiteContext; kind: ConsultationKind | undefined }) {
  const { contact } = site.practice;
  return (
    <Layout site={site} meta={{ title: m.bookTitle, description: m.bookIntro, canonicalPath: "/book" }}>
      <div class="prose-width section stack">
        <h1>{m.bookTitle}</h1>
        <p>{m.bookIntro}</p>
        {kind && <p>{m.bookKind[kind]}</p>}
        <ul>
          <li>
            Email: <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </li>
          {contact.phone && (
            <li>
              Phone: <a href={`tel:${contact.phone.replace(/[^0-9+]/g, "")}`}>{contact.phone}</a>
            </li>
          )}
        </ul>
        <p>{m.bookSafety}</p>
        <p class="muted">
          If you are in danger now, please don't wait for a consultation:{" "}
          <a href="/help-now">find help now</a>.
        </p>
      </div>
    </Layout>
  );
}
