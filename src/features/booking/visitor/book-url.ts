/** A page link that keeps the visitor's choices; only non-identifying choices travel in URLs. */
export function bookUrl(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  return `${path}?${query.toString()}`;
}
