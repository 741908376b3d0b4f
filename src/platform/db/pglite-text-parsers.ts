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
 * that brings only those is passed on without them. The rows are the same: each of those types is kept
 * as text either way. A query that brings any other parser is passed on as it came.
 */
export function holdDrizzleParsers(client: PGlite): void {
  for (const type of keptAsText) client.parsers[type] = asSent;
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

function withoutHeld(options: QueryOptions): QueryOptions {
  const parsers = options.parsers;
  if (!parsers) return options;
  for (const type in parsers) {
    if (!(keptAsText as readonly number[]).includes(Number(type))) return options;
  }
  const { parsers: _held, ...rest } = options;
  return rest;
}
