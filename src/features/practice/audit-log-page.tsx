import { dateInputFormat } from "../../platform/web/date-input.ts";
import { dateTimeFormat } from "../../platform/web/date-time-formats.ts";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { AuditFilters } from "./audit-log-filters.tsx";
import {
  type AuditCursor,
  type AuditRow,
  cursorText,
  type FilterField,
  type ParsedAuditQuery,
  referencePattern,
} from "./audit-log-query.ts";
import {
  auditActionWords as actionWords,
  auditDetailWords as detailWords,
  auditFixedActors as fixedActors,
  auditLogMessages as m,
  auditSubjectWords as subjectWords,
} from "./messages.ts";

/** Who a "therapist:<id>" or "client:<id>" is, as far as the owner may know (see audit-log-routes.tsx). */
export type Party =
  | { kind: "therapist"; name: string }
  | { kind: "own-client"; name: string }
  | { kind: "client-of"; therapistName: string; ref: string }
  | { kind: "unknown-therapist"; ref: string }
  | { kind: "unknown-client"; ref: string };

function partyWords(reference: string, parties: Map<string, Party>): string {
  const party = parties.get(reference);
  if (!party) return fixedActors[reference] ?? thingWords(reference);
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

/** "A consultation (ref 1a2b3c4d)" for "booking:<id>"; a reference of an unknown kind stays as it is. */
function thingWords(reference: string): string {
  const [, kind, id] = referencePattern.exec(reference) ?? [];
  if (kind && id && subjectWords[kind]) return m.thing(subjectWords[kind], id.slice(0, 8));
  return subjectWords[reference] ?? reference;
}

/** "22 Nov 2026, 10:04:05 GMT": the viewer's zone named, as every time Haven shows. */
const when = (date: Date, timeZone: string) =>
  dateTimeFormat("audit-moment", timeZone, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
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
          <dt>{detailWords[key] ?? key}</dt>
          <dd>{valueWords(value)}</dd>
        </div>
      ))}
    </dl>
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
        <AuditFilters actions={actions} query={query} dateFormat={dateInputFormat(site.practice)} />
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
