import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { ClientPageTop } from "../workspace/client-page-top.tsx";
import { pathMessages as m } from "./messages.ts";
import type { PathPiece } from "./path-piece.ts";

/** A client's own path: the pieces open for them now, in the practice's order, and nothing else. */
export function PathHomePage(props: {
  site: SiteContext;
  pieces: Pick<PathPiece, "id" | "title">[];
  notice?: string | undefined;
}) {
  const { site, pieces, notice } = props;
  return (
    <Layout site={site} meta={{ title: m.title, description: m.title, noindex: true }}>
      <div class="prose-width section stack">
        <ClientPageTop
          site={site}
          back={{ href: "/my", label: m.backToSpace }}
          title={m.title}
          notice={notice}
        />
        <p>{m.intro}</p>
        {pieces.length === 0 ? (
          <p class="muted">{m.nothingYet}</p>
        ) : (
          <section class="stack" aria-labelledby="open-for-you">
            <h2 id="open-for-you">{m.openForYou}</h2>
            <ul>
              {pieces.map((piece) => (
                <li key={piece.id}>
                  <a href={`/my/path/${piece.id}`}>{piece.title}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Layout>
  );
}
