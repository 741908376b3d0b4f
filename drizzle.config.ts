import { defineConfig } from "drizzle-kit";

// Used only to generate SQL migrations (`npm run db:generate`); never `drizzle-kit push`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema.ts",
  out: "./migrations",
});
