import { CheckboxField, FormProblem, FormToken } from "../../../platform/web/form-fields.tsx";
import { formatCalendarDate } from "../../../platform/web/format-date.ts";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { ClientExport } from "./export-client-data.ts";

const label = (key: string) => key.replace(/([A-Z])/g, " $1").toLowerCase();
const text = (value: unknown): string =>
  value === null || value === undefined
    ? "—"
    : typeof value === "boolean"
      ? value
        ? "yes"
        : "no"
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
    <Layout
      site={site}
      meta={{ title: "What Haven holds about you", description: "Your data.", noindex: true }}
    >
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <p>
          <a href="/my">← Your space</a>
        </p>
        <h1>What Haven holds about you</h1>
        <p>
          This is everything Haven keeps about you, except answers to the private safety questions: your
          therapist can give you those after checking it is really you. Nothing here comes from your partner.
        </p>
        <p>
          <a class="button" href="/my/data.json" download="haven-my-data.json">
            Download it as a file (JSON)
          </a>
        </p>
        {data.sections.map((section) => (
          <section class="stack" key={section.table}>
            <h2>{section.title}</h2>
            {section.rows.length === 0 ? (
              <p class="muted">Nothing.</p>
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
        <h2>Erasing your data</h2>
        <p>
          <a href="/my/erase">Ask for your data to be erased</a>
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
    <Layout site={site} meta={{ title: "Erase your data", description: "Erase your data.", noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <p>
          <a href="/my/data">← What Haven holds about you</a>
        </p>
        <h1>Erase your data</h1>
        <FormProblem message={problem} />
        <p>This closes your account. Your partner's own space is not affected and they are not told.</p>
        <h2>Erased straight away</h2>
        <ul>
          {goesNow.map((title) => (
            <li key={title}>{title}</li>
          ))}
        </ul>
        <h2>Kept until {formatCalendarDate(retainedUntil)}</h2>
        <p>
          The practice must keep these for its records for a fixed time after your work ends. They stay
          encrypted, nobody uses them for anything else, and they are deleted on that date.
        </p>
        <ul>
          {kept.map((title) => (
            <li key={title}>{title}</li>
          ))}
        </ul>
        <form class="form" method="post" action="/my/erase" data-busy="Erasing…" novalidate>
          <FormToken token={token} />
          <CheckboxField
            name="confirm"
            label="I understand that this closes my account"
            checked={false}
            error={error}
          />
          <p>
            <button class="button" type="submit">
              Erase my data and close my account
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}
