/** Which database the db lane runs on, chosen by scripts/test.ts. */
export type TestDatabaseLane = "pglite" | "postgres";

export function testDatabaseLane(): TestDatabaseLane {
  const lane = process.env.HAVEN_TEST_DB ?? "pglite";
  if (lane !== "pglite" && lane !== "postgres")
    throw new Error(`HAVEN_TEST_DB must be pglite or postgres, not ${lane}`);
  return lane;
}

/** Tests reach PostgreSQL only through HAVEN_TEST_PG_URL, never DATABASE_URL. */
export function testPostgresUrl(): string {
  const url = process.env.HAVEN_TEST_PG_URL;
  if (!url) throw new Error("The postgres lane needs HAVEN_TEST_PG_URL");
  return url;
}

export function databaseUrlWithName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** One file per run, so two runs in one checkout never read each other's template. */
export const pgliteTemplateFile = (runId: string) => `.test-artifacts/pglite-template-${runId}.tar`;
export const postgresTemplateName = (runId: string) => `haven_template_${runId}`;
