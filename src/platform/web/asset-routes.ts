import type { FastifyInstance } from "fastify";
import type { AssetRegistry } from "./assets.ts";
import { sendCompressed } from "./send-compressed.ts";

/** Hashed file names never change content, so browsers keep them for a year. */
export function registerAssetRoutes(app: FastifyInstance, assets: AssetRegistry): void {
  app.get<{ Params: { file: string } }>(
    "/assets/:file",
    { config: { access: "public" } },
    (request, reply) => {
      const asset = assets.byFileName(request.params.file);
      if (!asset) return reply.callNotFound();
      reply.type(asset.contentType);
      reply.header("cache-control", "public, max-age=31536000, immutable");
      return sendCompressed(request, reply, asset.body);
    },
  );
}
