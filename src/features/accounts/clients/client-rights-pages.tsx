import { CheckboxField, FormProblem, FormToken } from "../../../platform/web/form-fields.tsx";
import { formatCalendarDate } from "../../../platform/web/format-date.ts";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { clientRightsMessages as m } from "./client-messages.ts";
import type { ClientExport } from "./export-client-data.ts";

const label = (key: string) => key.replace(/([A-Z])/g, " $1").toLowerCase();
const text = (value: unknown): string =>
  value === null || value === undefined
    ? "—"
    : typeof value === "boolean"
      ? value
        ? m.yes
        : m.no
      : typeof value === "object"
        ? JSON.stringify(value) // never "[object Object]"; features should export plain text
        : String(value);
/** A value as a person reads it: a list (such as answers, one per line) as a list. */
const shown = (value: unknown) =>
  Array.isArray(value) ? (
    <ul>
      {value.map((item, index) => (
        <li key={index}>{text(item)}</li>
      ))}
    </ul>
  ) : (
    text(value)
  );

/** The export as a page a person can read: each part, each row as a list of labelled values. */
export function MyDataPage({ site, data }: { site: SiteContext; data: ClientExport }) {
  return (
    <Layout site={site} meta={{ title: m.dataTitle, description: m.dataDescription, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <p>
          <a href="/my">{m.backToSpace}</a>
        </p>
        <h1>{m.dataTitle}</h1>
        <p>{m.dataIntro}</p>
        <p>
          <a class="button" href="/my/data.json" download="haven-my-data.json">
            {m.download}
          </a>
        </p>
        {data.sections.map((section) => (
          <section class="stack" key={section.table}>
            <h2>{section.title}</h2>
            {section.rows.length === 0 ? (
              <p class="muted">{m.nothing}</p>
            ) : (
              section.rows.map((row, index) => (
                <dl class="card data-row" key={index}>
                  {Object.entries(row).map(([key, value]) => (
                    <div key={key}>
                      <dt>{label(key)}</dt>
                      <dd>{shown(value)}</dd>
                    </div>
                  ))}
                </dl>
              ))
            )}
          </section>
        ))}
        <h2>{m.erasingHeading}</h2>
        <p>
          <a href="/my/erase">{m.askToErase}</a>
        </p>
      </div>
    </Layout>
  );
}

export function ErasePage(props: {
  site: SiteContext;
  token: string;
  goesNow: string[];
  kept: string[];
  retainedUntil: string;
  error?: string | undefined;
  problem?: string | undefined;
}) {
  const { site, token, goesNow, kept, retainedUntil, error, problem } = props;
  return (
    <Layout site={site} meta={{ title: m.eraseTitle, description: m.eraseDescription, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <p>
          <a href="/my/data">{m.backToData}</a>
        </p>
        <h1>{m.eraseTitle}</h1>
        <FormProblem message={problem} />
        <p>{m.eraseIntro}</p>
        <h2>{m.erasedNow}</h2>
        <ul>
          {goesNow.map((title) => (
            <li key={title}>{title}</li>
          ))}
        </ul>
        <h2>{m.keptUntil(formatCalendarDate(retainedUntil))}</h2>
        <p>{m.keptWhy}</p>
        <ul>
          {kept.map((title) => (
            <li key={title}>{title}</li>
          ))}
        </ul>
        <form class="form" method="post" action="/my/erase" data-busy={m.erasing} novalidate>
          <FormToken token={token} />
          <CheckboxField name="confirm" label={m.confirmLabel} checked={false} error={error} />
          <p>
            <button class="button" type="submit">
              {m.eraseButton}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}
