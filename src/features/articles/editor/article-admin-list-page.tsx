import { Layout } from "../../../platform/web/layout.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { editorMessages as m } from "./messages.ts";

export type ArticleListing = { id: string; title: string; status: string; when: string };

const order = ["scheduled", "draft", "published"] as const;

/** The practice's articles by state: scheduled and drafts first (the work in hand), then those on the site. */
export function ArticleAdminListPage(props: {
  site: SiteContext;
  articles: ArticleListing[];
  notice?: string | undefined;
}) {
  const { site, articles, notice } = props;
  return (
    <Layout site={site} meta={{ title: m.listTitle, description: m.listDescription, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice">{m.backToPractice}</a>
        </p>
        <h1>{m.listTitle}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <p>
          <a class="button" href="/practice/articles/new">
            {m.newArticle}
          </a>{" "}
          <a href="/practice/articles/images">{m.pictures}</a>
        </p>
        {articles.length === 0 && <p>{m.noArticles}</p>}
        {order.map((status) => {
          const group = articles.filter((a) => a.status === status);
          if (group.length === 0) return null;
          return (
            <section key={status} class="stack" aria-labelledby={`articles-${status}`}>
              <h2 id={`articles-${status}`}>{m.groups[status]}</h2>
              <ul class="client-list">
                {group.map((a) => (
                  <li class="card" key={a.id}>
                    <a href={`/practice/articles/${a.id}`}>{a.title}</a> <span class="muted">— {a.when}</span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </Layout>
  );
}
