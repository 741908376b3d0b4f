/**
 * The environment for a Haven started by a test or the benchmark: the machine's basics, never the
 * developer's Haven settings (a DATABASE_URL there must not lead a test to a real database).
 */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ["PATH", "HOME", "TMPDIR", "TZ", "LANG", "NODE_OPTIONS"];
  const env: NodeJS.ProcessEnv = {};
  for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, ...extra };
}
