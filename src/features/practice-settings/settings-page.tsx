import { FormProblem, FormToken, TextField } from "../../platform/web/form-fields.tsx";
import type { FormState } from "../../platform/web/form-post.ts";
import { Layout } from "../../platform/web/layout.tsx";
import { secretsBetweenPartnersId } from "../accounts/clients/consent-documents.ts";
import type { HelpLineRow } from "./help-line-edits.ts";
import { practicePages } from "./live-practice-pages.ts";
import { settingsMessages as m } from "./messages.ts";
import { consentEditMessages as cm, pageEditMessages as pm } from "./page-messages.ts";
import type { DetailsValues } from "./settings-forms.types.ts";
import type { SiteContext } from "./site-context.ts";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });
/** A YYYY-MM-DD date as people write it ("1 November 2026"). */
export const shownDate = (isoDate: string): string => dateFormat.format(new Date(`${isoDate}T00:00:00Z`));

/** The owner's settings page: the practice's details in one form, then its help lines, each to change. */
export function SettingsPage(props: {
  site: SiteContext;
  token: string;
  form: FormState<DetailsValues>;
  lines: HelpLineRow[];
  /** The consent documents in force, each with a link to edit it (record 059). */
  consentDocuments: { id: string; title: string }[];
  notice?: string | undefined;
}) {
  const { site, token, form, lines, consentDocuments, notice } = props;
  const v = form.values;
  const e = form.errors ?? {};
  return (
    <Layout site={site} meta={{ title: m.title, description: m.description, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice">{m.backToPractice}</a>
        </p>
        <h1>{m.heading}</h1>
        <p>{m.intro}</p>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <h2>{m.detailsHeading}</h2>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action="/practice/settings" data-busy={m.saving} novalidate>
          <FormToken token={token} />
          <input type="hidden" name="version" value={v.version} />
          <TextField name="name" label={m.name} value={v.name} error={e.name} autocomplete="organization" />
          <TextField
            name="country"
            label={m.country}
            hint={m.countryHint}
            value={v.country}
            error={e.country}
          />
          <TextField
            name="timeZone"
            label={m.timeZone}
            hint={m.timeZoneHint}
            value={v.timeZone}
            error={e.timeZone}
          />
          <TextField name="email" type="email" label={m.email} value={v.email} error={e.email} />
          <TextField name="phone" label={m.phone} value={v.phone} error={e.phone} required={false} />
          <TextField
            name="quickExitUrl"
            label={m.quickExitUrl}
            hint={m.quickExitHint}
            value={v.quickExitUrl}
            error={e.quickExitUrl}
          />
          <TextField
            name="recordRetentionYears"
            label={m.retention}
            hint={m.retentionHint}
            value={v.recordRetentionYears}
            error={e.recordRetentionYears}
            inputmode="numeric"
          />
          <p>
            <button class="button" type="submit">
              {m.saveDetails}
            </button>
          </p>
        </form>
        <h2 id="help-lines">{m.helpLinesHeading}</h2>
        <p>{m.helpLinesIntro}</p>
        <ul class="client-list">
          {lines.map((line) => (
            <li class="card" key={line.id}>
              <strong>{line.name}</strong> {line.number}{" "}
              <span class="muted">
                — {line.countryName}, {m.kinds[line.kind]}, {m.checkedOn(shownDate(line.verifiedOn))}
              </span>{" "}
              <a href={`/practice/settings/help-lines/${line.id}`} aria-label={m.changeLine(line.name)}>
                {m.change}
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a class="button button--quiet" href="/practice/settings/help-lines/new">
            {m.addLine}
          </a>
        </p>
        <h2 id="pages">{pm.pagesHeading}</h2>
        <p>{pm.pagesIntro}</p>
        <ul>
          {practicePages.map((page) => (
            <li key={page}>
              <a href={`/practice/settings/pages/${page}`}>{pm.editLink(pm.titles[page])}</a>
            </li>
          ))}
        </ul>
        <h2 id="consent">{cm.heading}</h2>
        <p>{cm.intro}</p>
        <ul>
          {consentDocuments.map((document) => (
            <li key={document.id}>
              <a href={`/practice/settings/consent/${document.id}`}>{cm.editLink(document.title)}</a>
              {document.id === secretsBetweenPartnersId && <span class="muted"> {cm.onlyCouples}</span>}
            </li>
          ))}
        </ul>
        <h2>{m.mailHeading}</h2>
        <p>{m.mailIntro}</p>
        <form method="post" action="/practice/settings/test-email" data-busy={m.sending}>
          <FormToken token={token} />
          <button class="button button--quiet" type="submit">
            {m.sendTestEmail}
          </button>
        </form>
      </div>
    </Layout>
  );
}
