import formbody from "@fastify/formbody";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { secretKeys } from "../security/secret-key.ts";
import { actionPost, type FormState, formPost } from "./form-post.ts";
import { formTokenFor } from "./form-security.ts";
import { webMessages } from "./messages.ts";

const keys = secretKeys("a test secret that is long enough for the key derivation");
const publicUrl = new URL("http://localhost:3000");
const form = { name: "profile", scope: "anonymous", keys, publicUrl } as const;

type Values = { name: string; age: string };

async function tinyApp() {
  const app = Fastify();
  await app.register(formbody);
  const saved: { name: string; age: number }[] = [];
  const shown: { status: number; state: FormState<Values> }[] = [];
  app.post(
    "/profile",
    formPost({
      form,
      read: (body) => {
        const b = body as Record<string, string>;
        return { name: b.name ?? "", age: b.age ?? "" };
      },
      schema: z.object({
        name: z.string().min(1, "Please enter a name.").max(5, "That name is too long."),
        age: z.string().regex(/^\d+$/, "Please enter a whole number.").transform(Number),
      }),
      rerender: (_request, reply, status, state) => {
        shown.push({ status, state });
        return reply.code(status).send(state);
      },
      handle: ({ reply, data }) => {
        saved.push(data);
        return reply.redirect("/profile?saved", 303);
      },
    }),
  );
  // An anonymous form's token is bound to the form's name, not to anything on the request.
  const token = formTokenFor({} as FastifyRequest, keys, form.name, "anonymous");
  return { app, saved, shown, token };
}

const post = (app: FastifyInstance, body: Record<string, string>, url = "/profile") =>
  app.inject({
    method: "POST",
    url,
    payload: new URLSearchParams(body).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });

describe("formPost", () => {
  it("shows the page again, 403, with the input kept and the shared problem, for a bad token", async () => {
    const { app, saved, shown } = await tinyApp();
    const response = await post(app, { _form: "1.forged", name: "Sam", age: "40" });
    expect(response.statusCode).toBe(403);
    expect(shown).toEqual([
      { status: 403, state: { values: { name: "Sam", age: "40" }, problem: webMessages.formExpired } },
    ]);
    expect(saved).toEqual([]);
  });

  it("shows the page again, 400, with one message per field (the first) and what was typed", async () => {
    const { app, saved, shown, token } = await tinyApp();
    const response = await post(app, { _form: token, name: "Samantha", age: "forty" });
    expect(response.statusCode).toBe(400);
    expect(shown[0]?.state.values).toEqual({ name: "Samantha", age: "forty" });
    expect(shown[0]?.state.errors).toEqual({
      name: "That name is too long.",
      age: "Please enter a whole number.",
    });
    expect(saved).toEqual([]);
  });

  it("keeps the first issue of a field that has several", async () => {
    const { app, shown, token } = await tinyApp();
    await post(app, { _form: token, name: "", age: "" });
    expect(shown[0]?.state.errors).toEqual({
      name: "Please enter a name.",
      age: "Please enter a whole number.",
    });
  });

  it("runs the use case once with the parsed data", async () => {
    const { app, saved, shown, token } = await tinyApp();
    const response = await post(app, { _form: token, name: "Sam", age: "40" });
    expect(response.statusCode).toBe(303);
    expect(saved).toEqual([{ name: "Sam", age: 40 }]);
    expect(shown).toEqual([]);
  });

  it("lets a route answer a bad token its own way", async () => {
    const app = Fastify();
    await app.register(formbody);
    app.post(
      "/elsewhere",
      formPost({
        form,
        read: () => ({}),
        schema: z.object({}),
        rerender: (_request, reply, status) => reply.code(status).send("page"),
        notGenuine: (_request, reply) => reply.redirect("/sign-in", 303),
        handle: ({ reply }) => reply.send("done"),
      }),
    );
    const response = await app.inject({ method: "POST", url: "/elsewhere", payload: {} });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/sign-in");
  });

  it("lets the use case show the page again for a problem only it can see", async () => {
    const app = Fastify();
    await app.register(formbody);
    const token = formTokenFor({} as FastifyRequest, keys, form.name, "anonymous");
    app.post(
      "/taken",
      formPost({
        form,
        read: (body) => ({ name: (body as Record<string, string>).name ?? "" }),
        schema: z.object({ name: z.string() }),
        problemWhenInvalid: "Nothing was saved.",
        rerender: (_request, reply, status, state) => reply.code(status).send(state),
        handle: ({ invalid }) => invalid({ name: "That name is taken." }),
      }),
    );
    const response = await post(app, { _form: token, name: "Sam" }, "/taken");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      values: { name: "Sam" },
      errors: { name: "That name is taken." },
      problem: "Nothing was saved.",
    });
  });

  it("parses a secret with the rest but never shows it again", async () => {
    const app = Fastify();
    await app.register(formbody);
    const token = formTokenFor({} as FastifyRequest, keys, form.name, "anonymous");
    app.post(
      "/secret",
      formPost({
        form,
        read: (body) => ({ email: (body as Record<string, string>).email ?? "" }),
        secrets: (body) => ({ password: (body as Record<string, string>).password ?? "" }),
        schema: z.object({ email: z.string(), password: z.string().min(12, "Too short.") }),
        rerender: (_request, reply, status, state) => reply.code(status).send(state),
        handle: ({ reply, data }) => reply.send(data),
      }),
    );
    const short = await post(app, { _form: token, email: "a@example.org", password: "short" }, "/secret");
    expect(short.json()).toEqual({ values: { email: "a@example.org" }, errors: { password: "Too short." } });
    const long = await post(
      app,
      { _form: token, email: "a@example.org", password: "long enough!" },
      "/secret",
    );
    expect(long.json()).toEqual({ email: "a@example.org", password: "long enough!" });
  });
});

describe("actionPost", () => {
  async function buttonApp() {
    const app = Fastify();
    await app.register(formbody);
    const done: string[] = [];
    app.post<{ Params: { id: string } }>(
      "/things/:id/approve",
      actionPost({
        form: { ...form, name: (request) => `approve-${(request.params as { id: string }).id}` },
        notGenuine: (_request, reply) => reply.redirect("/things?notice=expired", 303),
        handle: (request, reply) => {
          done.push((request.params as { id: string }).id);
          return reply.redirect("/things", 303);
        },
      }),
    );
    return { app, done };
  }

  it("runs the use case for a token made for this form's name", async () => {
    const { app, done } = await buttonApp();
    const token = formTokenFor({} as FastifyRequest, keys, "approve-7", "anonymous");
    const response = await post(app, { _form: token }, "/things/7/approve");
    expect(response.headers.location).toBe("/things");
    expect(done).toEqual(["7"]);
  });

  it("answers the route's own way, and does nothing, for a token of another form or a forged one", async () => {
    const { app, done } = await buttonApp();
    const other = formTokenFor({} as FastifyRequest, keys, "approve-8", "anonymous");
    for (const token of [other, "1.forged"]) {
      const response = await post(app, { _form: token }, "/things/7/approve");
      expect(response.headers.location).toBe("/things?notice=expired");
    }
    expect(done).toEqual([]);
  });
});
