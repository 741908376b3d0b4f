import { Layout } from "../../platform/web/layout.tsx";
import type { CatalogueEntry } from "../assessments/instruments/instrument-catalogue.ts";
import type { SiteContext } from "../practice-settings/site-context.ts";

const useWords: Record<string, string> = {
  intake: "intake",
  weekly: "weekly",
  review: "review",
  end: "end of work",
};

/** The measures Haven knows, and which can be used: a published one needs its licensed wording. */
export function MeasuresPage({ site, entries }: { site: SiteContext; entries: CatalogueEntry[] }) {
  return (
    <Layout site={site} meta={{ title: "Measures", description: "The measures available.", noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice">← Your practice</a>
        </p>
        <h1>Measures</h1>
        <p>
          Published measures need their item wording from an instrument pack the practice holds a licence for
          (see docs/instrument-packs.md). Scores are shown as numbers with plain meanings, never as labels or
          types.
        </p>
        <p>
          Haven's placeholder pack holds stand-in text, not the real questions. In the demo a measure with
          that wording can be tried out: it is marked as example wording and never scored. Outside the demo it
          is not offered to clients until the practice's own licensed pack replaces the placeholder.
        </p>
        <ul class="client-list">
          {entries.map((entry) => (
            <li class="card" key={entry.id}>
              <h2>{entry.title}</h2>
              <p>
                <strong>
                  {entry.status === "needs its wording"
                    ? "Needs its wording"
                    : entry.status === "ready"
                      ? "Ready"
                      : site.demo
                        ? "Ready — placeholder wording, not for real use"
                        : "Not offered to clients — placeholder wording only"}
                </strong>
              </p>
              <p class="muted">
                {entry.nature === "published"
                  ? "Published measure"
                  : "Haven's own reflection, not a validated test"}{" "}
                · used at {entry.intendedUse.map((u) => useWords[u] ?? u).join(", ")} ·{" "}
                {entry.visibility === "therapist-only"
                  ? "seen by the therapist only"
                  : "seen by the client and therapist"}
              </p>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}
