import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerArticleRoutes } from "./article-routes.tsx";

/** The articles: list, pages, feed and sitemap. */
export function registerArticles(app: FastifyInstance, ctx: AppContext): void {
  registerArticleRoutes(app, ctx);
}
