import { DateField } from "../../platform/web/date-field.tsx";
import type { DateInputFormat } from "../../platform/web/date-input.ts";
import { describedByFor, FieldFrame, SelectField } from "../../platform/web/form-fields.tsx";
import { actorKinds, type FilterField, type ParsedAuditQuery } from "./audit-log-query.ts";
import { auditActionWords as actionWords, auditLogMessages as m } from "./messages.ts";

/** The audit log's filters: a GET form, each filter with the note beside it when it could not be used. */
export function AuditFilters(props: {
  actions: string[];
  query: ParsedAuditQuery;
  dateFormat: DateInputFormat;
}) {
  const { actions, query, dateFormat } = props;
  const { input, errors } = query;
  const leftOut = (["action", "actor", "subject", "from", "to"] as const).some((name) => errors[name]);
  const control = (name: FilterField, hint?: string) => ({
    id: `field-${name}`,
    name,
    "aria-invalid": errors[name] ? ("true" as const) : undefined,
    "aria-describedby": describedByFor(`field-${name}`, hint, errors[name]),
  });
  return (
    <form method="get" action="/practice/audit" class="audit-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading">{m.filtersHeading}</h2>
      {leftOut && (
        <p class="form-problem" role="status">
          {m.leftOut}
        </p>
      )}
      <div class="audit-filters__fields">
        <SelectField name="action" label={m.action} error={errors.action}>
          <option value="">{m.anyAction}</option>
          {actions.map((action) => (
            <option key={action} value={action} selected={action === input.action}>
              {actionWords[action] ?? action}
            </option>
          ))}
        </SelectField>
        <SelectField name="actor" label={m.actor} error={errors.actor}>
          <option value="">{m.anyone}</option>
          {actorKinds.map((kind) => (
            <option key={kind} value={kind} selected={kind === input.actor}>
              {m.actorKinds[kind]}
            </option>
          ))}
        </SelectField>
        <FieldFrame id="field-subject" label={m.subject} error={errors.subject} hint={m.subjectHint}>
          <input
            type="text"
            {...control("subject", m.subjectHint)}
            value={input.subject}
            spellcheck={false}
          />
        </FieldFrame>
        <DateField
          name="from"
          label={m.from}
          format={dateFormat}
          value={input.from}
          error={errors.from}
          required={false}
        />
        <DateField
          name="to"
          label={m.to}
          format={dateFormat}
          value={input.to}
          error={errors.to}
          required={false}
        />
      </div>
      <p class="audit-filters__actions">
        <button class="button" type="submit">
          {m.show}
        </button>
        <a href="/practice/audit">{m.clear}</a>
      </p>
    </form>
  );
}
