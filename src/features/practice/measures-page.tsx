import { Layout } from "../../platform/web/layout.tsx";
import type { CatalogueEntry } from "../assessments/instruments/instrument-catalogue.ts";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { practiceMessages as m } from "./messages.ts";

const useWords: Record<string, string> = m.uses;

/** The measures Haven knows, and which can be used: a published one needs its licensed wording. */
export function MeasuresPage({ site, entries }: { site: SiteContext; entries: CatalogueEntry[] }) {
  return (
    <Layout site={site} meta={{ title: m.measuresTitle, description: m.measuresDescription, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice">{m.backToPractice}</a>
        </p>
        <h1>{m.measuresTitle}</h1>
        <p>{m.measuresIntro}</p>
        <p>{m.placeholderIntro}</p>
        <ul class="client-list">
          {entries.map((entry) => (
            <li class="card" key={entry.id}>
              <h2>{entry.title}</h2>
              <p>
                <strong>
                  {entry.status === "needs its wording"
                    ? m.needsWording
                    : entry.status === "ready"
                      ? m.ready
                      : site.demo
                        ? m.readyPlaceholder
                        : m.notOffered}
                </strong>
              </p>
              <p class="muted">
                {entry.nature === "published" ? m.published : m.ownReflection}{" "}
                {m.usedAt(entry.intendedUse.map((u) => useWords[u] ?? u).join(", "))}{" "}
                {entry.visibility === "therapist-only" ? m.therapistOnly : m.clientAndTherapist}
              </p>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}
