import type { PGlite, QueryOptions, Transaction } from "@electric-sql/pglite";

/**
 * The types drizzle has PGlite hand back as the text PostgreSQL sent (drizzle makes its own dates from
 * it): timestamp, timestamptz, interval, date, and their arrays and numeric[], by type id. The same list
 * as drizzle-orm's pglite session passes with every query; `pglite-text-parsers.db.test.ts` says when
 * an upgrade of drizzle no longer matches it.
 */
export const keptAsText = [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182] as const;

const asSent = (value: string) => value;

type Query = PGlite["query"];

/**
 * drizzle passes those parsers with every query, and PGlite then copies its whole table of parsers (one
 * for every type and array type in the database) to add them: about 150 KB of garbage for each query,
 * whatever its size. On a times page that was a quarter of what a request allocated (record 074).
 *
 * So the parsers are put into the client's own table once, and a query (or a query in a transaction)
 * that brings exactly those is passed on without them. The rows are the same: each of those types is kept
 * as text either way. A query that brings any other parsers is passed on as it came. One consequence: a
 * query straight to the client (not through drizzle) also gets those types as text; Haven's few (the
 * migration lock, a checkpoint, a dump) read none of them.
 */
export function holdDrizzleParsers(client: PGlite): void {
  const hold = () => {
    for (const type of keptAsText) client.parsers[type] = asSent;
  };
  hold();
  // PGlite remakes its array types' parsers when asked to (never by Haven today): the held ones go back.
  const refreshArrayTypes = client.refreshArrayTypes.bind(client);
  client.refreshArrayTypes = async () => {
    await refreshArrayTypes();
    hold();
  };
  client.query = withoutHeldParsers(client.query.bind(client));
  const transaction = client.transaction.bind(client);
  client.transaction = (callback) =>
    transaction((tx: Transaction) => {
      tx.query = withoutHeldParsers(tx.query.bind(tx));
      return callback(tx);
    });
}

function withoutHeldParsers(query: Query): Query {
  return (text, params, options) => query(text, params, options && withoutHeld(options));
}

/** The options without the parsers when they are exactly drizzle's (the same types, every one kept as sent). */
function withoutHeld(options: QueryOptions): QueryOptions {
  const parsers = options.parsers;
  if (!parsers) return options;
  const given = Object.entries(parsers);
  if (given.length !== keptAsText.length) return options;
  for (const [type, parse] of given) {
    if (!(keptAsText as readonly number[]).includes(Number(type)) || !keepsAsSent(parse, Number(type)))
      return options;
  }
  const { parsers: _held, ...rest } = options;
  return rest;
}

/** Whether a parser hands back what it was given (drizzle's do; one that throws or changes it is not). */
function keepsAsSent(parse: (value: string, type: number) => unknown, type: number): boolean {
  try {
    return parse("2026-01-01", type) === "2026-01-01";
  } catch {
    return false;
  }
}
