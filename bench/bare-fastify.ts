// The ceiling for our stack: a bare Fastify server sending the bytes and headers Haven sent for a page,
// from memory, with nothing else. Run by bench/article.ts: `tsx bench/bare-fastify.ts <port> <page.json>`,
// where the file holds { path, headers, bodyBase64 }.
import fs from "node:fs";
import Fastify from "fastify";

const [port, pageFile] = process.argv.slice(2);
const page = JSON.parse(fs.readFileSync(pageFile as string, "utf8")) as {
  path: string;
  headers: Record<string, string>;
  bodyBase64: string;
};
const body = Buffer.from(page.bodyBase64, "base64");
const app = Fastify();
app.get(page.path, (_request, reply) => {
  reply.headers(page.headers).send(body);
});
await app.listen({ port: Number(port), host: "127.0.0.1" });
