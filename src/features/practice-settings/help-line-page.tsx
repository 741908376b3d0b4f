import { DateField } from "../../platform/web/date-field.tsx";
import { dateInputFormat } from "../../platform/web/date-input.ts";
import { FormProblem, FormToken, SelectField, TextField } from "../../platform/web/form-fields.tsx";
import type { FormState } from "../../platform/web/form-post.ts";
import { Layout } from "../../platform/web/layout.tsx";
import { lineKinds } from "./help-line-edits.ts";
import { settingsMessages as m } from "./messages.ts";
import type { LineValues } from "./settings-forms.types.ts";
import type { SiteContext } from "./site-context.ts";

/** Adds a help line (no id) or changes one, with a button to remove it. */
export function HelpLinePage(props: {
  site: SiteContext;
  token: string;
  /** The line being changed; none when adding. */
  lineId: string | undefined;
  form: FormState<LineValues>;
}) {
  const { site, token, lineId, form } = props;
  const v = form.values;
  const e = form.errors ?? {};
  const heading = lineId ? m.changeLineHeading : m.addLineHeading;
  const action = `/practice/settings/help-lines/${lineId ?? "new"}`;
  return (
    <Layout site={site} meta={{ title: heading, description: m.helpLinesIntro, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice/settings#help-lines">{m.title}</a>
        </p>
        <h1>{heading}</h1>
        <p>{m.helpLinesIntro}</p>
        <FormProblem message={form.problem ?? e.line} />
        <form class="form" method="post" action={action} data-busy={m.saving} novalidate>
          <FormToken token={token} />
          <input type="hidden" name="version" value={v.version} />
          <TextField
            name="country"
            label={m.lineCountry}
            hint={m.lineCountryHint}
            value={v.country}
            error={e.country}
          />
          <SelectField name="kind" label={m.lineKind} error={e.kind}>
            {lineKinds.map((kind) => (
              <option key={kind} value={kind} selected={v.kind === kind}>
                {m.kinds[kind]}
              </option>
            ))}
          </SelectField>
          <TextField name="name" label={m.lineName} value={v.name} error={e.name} />
          <TextField
            name="number"
            label={m.lineNumber}
            hint={m.lineNumberHint}
            value={v.number}
            error={e.number}
          />
          <TextField
            name="note"
            label={m.lineNote}
            hint={m.lineNoteHint}
            value={v.note}
            error={e.note}
            required={false}
          />
          <DateField
            name="verifiedOn"
            label={m.lineCheckedOn}
            format={dateInputFormat(site.practice)}
            value={v.verifiedOn}
            error={e.verifiedOn}
          />
          <p>
            <button class="button" type="submit">
              {m.saveLine}
            </button>
          </p>
        </form>
        {lineId && (
          <form method="post" action={`${action}/remove`} data-busy={m.removing}>
            <FormToken token={token} />
            <input type="hidden" name="version" value={v.version} />
            <button class="button button--quiet" type="submit">
              {m.removeLine}
            </button>
          </form>
        )}
      </div>
    </Layout>
  );
}
