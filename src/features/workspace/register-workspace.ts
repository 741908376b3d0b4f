import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerEntriesRoutes } from "./entries-routes.tsx";
import { registerEntryRoutes } from "./entry-routes.tsx";
import { registerReplyRoutes } from "./reply-routes.tsx";

/** The clients' workspace: their notes and who reads them. */
export function registerWorkspace(app: FastifyInstance, ctx: AppContext): void {
  registerEntriesRoutes(app, ctx);
  registerEntryRoutes(app, ctx);
  registerReplyRoutes(app, ctx);
}
