import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerArticleRoutes } from "./article-routes.tsx";
import { registerArticleEditorRoutes } from "./editor/editor-routes.tsx";
import { registerImageRoutes } from "./images/image-routes.tsx";

/** The articles: list, pages, feed and sitemap; and the owner's editor. */
export function registerArticles(app: FastifyInstance, ctx: AppContext): void {
  registerArticleRoutes(app, ctx);
  registerArticleEditorRoutes(app, ctx);
  registerImageRoutes(app, ctx);
}
