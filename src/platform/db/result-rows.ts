/** Rows of a raw `db.execute` result; both drivers (node-postgres and PGlite) return `{ rows }`. */
export function resultRows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
