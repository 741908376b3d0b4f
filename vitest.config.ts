import { defineConfig } from "vitest/config";

// Three lanes, run by scripts/test.ts: pure units, database tests (run once per database),
// and browser tests. Test files sit beside the code they test.
const shared = {
  // The server's zone is deliberately odd (UTC-3:30, with DST) so zone bugs surface in tests.
  env: { TZ: "America/St_Johns" },
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: "unit",
          include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
          exclude: ["**/*.db.test.{ts,tsx}", "test/e2e/**"],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: "db",
          include: ["src/**/*.db.test.{ts,tsx}", "test/**/*.db.test.ts"],
          globalSetup: ["test/support/database-template.setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: "e2e",
          include: ["test/e2e/**/*.e2e.test.ts"],
          globalSetup: ["test/e2e/support/database-template.setup.ts"],
          fileParallelism: false,
        },
      },
    ],
  },
});
