import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";

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
