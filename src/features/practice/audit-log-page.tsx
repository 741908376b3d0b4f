import type { ComponentChildren } from "preact";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import {
  type AuditCursor,
  type AuditRow,
  actorKinds,
  cursorText,
  type FilterField,
  type ParsedAuditQuery,
  referencePattern,
} from "./audit-log-query.ts";

/** Who a "therapist:<id>" or "client:<id>" is, as far as the owner may know (see audit-log-routes.tsx). */
export type Party =
  | { kind: "therapist"; name: string }
  | { kind: "own-client"; name: string }
  | { kind: "client-of"; therapistName: string; ref: string }
  | { kind: "unknown-therapist"; ref: string }
  | { kind: "unknown-client"; ref: string };

const m = {
  title: "Audit log",
  description: "Who did what in Haven, and when.",
  back: "← Your practice",
  intro:
    "Sign-ins, invitations, downloads and erasures are written here as they happen. Nothing here can be changed or removed, and each look at this page is written here too.",
  filtersHeading: "Choose what to show",
  action: "What happened",
  anyAction: "Anything",
  actor: "Who did it",
  anyone: "Anyone",
  actorKinds: {
    therapist: "A therapist",
    client: "A client",
    anonymous: "Someone not signed in",
    other: "Set-up link, command line or Haven itself",
  },
  subject: "About",
  subjectHint: "A reference such as client:… — or choose “All entries about this” in the table.",
  from: "From",
  to: "To",
  show: "Show entries",
  clear: "Clear the filters",
  leftOut: "Not every filter could be used. The note beside each one says why.",
  entriesHeading: "Entries",
  caption: (zone: string) => `Entries, newest first. Times are shown in ${zone}.`,
  columns: ["When", "Who", "What", "About", "Detail"],
  noMatch: "No entries match these filters.",
  showAll: "Show every entry",
  nothingYet: "Nothing has been recorded yet.",
  older: "Older entries",
  newest: "Back to the newest entries",
  allAbout: "All entries about this",
  clientOf: (name: string, ref: string) => `A client of ${name || "another therapist"} (ref ${ref})`,
  unknownClient: (ref: string) => `A client (ref ${ref})`,
  unknownTherapist: (ref: string) => `A therapist (ref ${ref})`,
  yes: "yes",
  no: "no",
  none: "none",
};

/** Human words for each kind of entry; an action not listed here is shown as it is stored. */
const actionWords: Record<string, string> = {
  "audit-log.viewed": "Audit log viewed",
  "client.erasure-requested": "Client asked for their data to be erased",
  "client.exported": "Client downloaded their data",
  "client.invitation-accepted": "Client accepted their invitation",
  "client.invited": "Client invited",
  "client.read": "Client record read",
  "client.sign-in": "Client signed in",
  "therapist.created": "Therapist account created",
  "therapist.second-factor-enrolled": "Therapist set up their second sign-in step",
  "therapist.second-factor-failed": "Therapist's sign-in code refused",
  "therapist.sign-in": "Therapist signed in",
  "therapist.sign-in-failed": "Therapist sign-in refused",
};

const fixedActors: Record<string, string> = {
  anonymous: "Someone not signed in",
  "setup-link": "The first-run set-up link",
  cli: "The command line",
  system: "Haven itself",
};

function partyWords(reference: string, parties: Map<string, Party>): string {
  const party = parties.get(reference);
  if (!party) return fixedActors[reference] ?? reference;
  switch (party.kind) {
    case "therapist":
    case "own-client":
      return party.name;
    case "client-of":
      return m.clientOf(party.therapistName, party.ref);
    case "unknown-client":
      return m.unknownClient(party.ref);
    case "unknown-therapist":
      return m.unknownTherapist(party.ref);
  }
}

/** "22 Nov 2026, 10:04:05 GMT": the viewer's zone named, as every time Haven shows. */
const when = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);

const valueWords = (value: unknown): string => {
  if (value === true) return m.yes;
  if (value === false) return m.no;
  if (value === null || value === undefined) return m.none;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
};

/** The stored detail as "key: value" pairs; it holds ids, counts and outcomes, never free text. */
function Detail({ detail }: { detail: unknown }) {
  if (detail === null || detail === undefined) return null;
  if (typeof detail !== "object" || Array.isArray(detail)) return <>{valueWords(detail)}</>;
  const pairs = Object.entries(detail);
  if (pairs.length === 0) return null;
  return (
    <dl class="audit-detail">
      {pairs.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{valueWords(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

const describedBy = (name: string, error?: string, hint?: string) =>
  [hint ? `field-${name}-hint` : "", error ? `field-${name}-error` : ""].filter(Boolean).join(" ") ||
  undefined;

/** A labelled filter, its hint and its error beside it; the control is given its id by name. */
function Field(props: {
  name: FilterField;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ComponentChildren;
}) {
  const { name, label, error, hint, children } = props;
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={`field-${name}`}>{label}</label>
      {hint && (
        <p class="field-hint" id={`field-${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`field-${name}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

/** The address of this view with other query values: only filters that could be used travel on. */
function hrefWith(query: ParsedAuditQuery, extra: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query.input)) {
    if (value && !query.errors[name as FilterField]) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const text = params.toString();
  return text ? `/practice/audit?${text}` : "/practice/audit";
}

function Filters({ actions, query }: { actions: string[]; query: ParsedAuditQuery }) {
  const { input, errors } = query;
  const leftOut = (["action", "actor", "subject", "from", "to"] as const).some((name) => errors[name]);
  const control = (name: FilterField, hint?: string) => ({
    id: `field-${name}`,
    name,
    "aria-invalid": errors[name] ? ("true" as const) : undefined,
    "aria-describedby": describedBy(name, errors[name], hint),
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
        <Field name="action" label={m.action} error={errors.action}>
          <select {...control("action")}>
            <option value="">{m.anyAction}</option>
            {actions.map((action) => (
              <option key={action} value={action} selected={action === input.action}>
                {actionWords[action] ?? action}
              </option>
            ))}
          </select>
        </Field>
        <Field name="actor" label={m.actor} error={errors.actor}>
          <select {...control("actor")}>
            <option value="">{m.anyone}</option>
            {actorKinds.map((kind) => (
              <option key={kind} value={kind} selected={kind === input.actor}>
                {m.actorKinds[kind]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="subject" label={m.subject} error={errors.subject} hint={m.subjectHint}>
          <input
            type="text"
            {...control("subject", m.subjectHint)}
            value={input.subject}
            spellcheck={false}
          />
        </Field>
        <Field name="from" label={m.from} error={errors.from}>
          <input type="date" {...control("from")} value={input.from} />
        </Field>
        <Field name="to" label={m.to} error={errors.to}>
          <input type="date" {...control("to")} value={input.to} />
        </Field>
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

export function AuditLogPage(props: {
  site: SiteContext;
  timeZone: string;
  actions: string[];
  query: ParsedAuditQuery;
  rows: AuditRow[];
  next: AuditCursor | undefined;
  parties: Map<string, Party>;
}) {
  const { site, timeZone, actions, query, rows, next, parties } = props;
  const filtered = Object.values(query.input).some(Boolean) || query.after !== undefined;
  return (
    <Layout site={site} meta={{ title: m.title, description: m.description, noindex: true }}>
      <div class="container section stack">
        <p>
          <a href="/practice">{m.back}</a>
        </p>
        <h1>{m.title}</h1>
        <p class="audit-intro">{m.intro}</p>
        <Filters actions={actions} query={query} />
        <h2>{m.entriesHeading}</h2>
        {query.errors.before && <p class="form-problem">{query.errors.before}</p>}
        {rows.length === 0 ? (
          <p>
            {filtered ? m.noMatch : m.nothingYet} {filtered && <a href="/practice/audit">{m.showAll}</a>}
          </p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be scrolled (axe: scrollable-region-focusable)
          <section class="table-scroll" aria-labelledby="audit-caption" tabIndex={0}>
            <table class="audit-table">
              <caption id="audit-caption">{m.caption(timeZone)}</caption>
              <thead>
                <tr>
                  {m.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <time dateTime={row.at.toISOString()}>{when(row.at, timeZone)}</time>
                    </td>
                    <td>{partyWords(row.actor, parties)}</td>
                    <td>{actionWords[row.action] ?? row.action}</td>
                    <td>
                      {row.subject && (
                        <>
                          {partyWords(row.subject, parties)}
                          {row.subject !== query.filters.subject && referencePattern.test(row.subject) && (
                            <>
                              {" "}
                              <a
                                class="audit-about"
                                href={`/practice/audit?${new URLSearchParams({ subject: row.subject })}`}
                              >
                                {m.allAbout}
                                <span class="visually-hidden">: {partyWords(row.subject, parties)}</span>
                              </a>
                            </>
                          )}
                        </>
                      )}
                    </td>
                    <td>
                      <Detail detail={row.detail} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {(next || query.after) && (
          <p class="audit-paging">
            {next && <a href={hrefWith(query, { before: cursorText(next) })}>{m.older}</a>}
            {query.after && <a href={hrefWith(query, {})}>{m.newest}</a>}
          </p>
        )}
      </div>
    </Layout>
  );
}
