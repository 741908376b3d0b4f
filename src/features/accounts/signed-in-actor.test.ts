import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { clientOf, therapistOf } from "./signed-in-actor.ts";

describe("therapistOf and clientOf", () => {
  it("throw, naming the route and its declared access, when the gate admitted no such actor", async () => {
    const app = Fastify();
    let thrown: unknown;
    app.get("/oops", { config: { access: "public" } }, async (request) => {
      try {
        therapistOf(request);
      } catch (error) {
        thrown = error;
        throw error;
      }
    });
    const response = await app.inject({ url: "/oops" });
    expect(response.statusCode).toBe(500);
    expect(String(thrown)).toContain('GET /oops needs a signed-in therapist but declares access "public"');
  });

  it("return the actor the gate put on the request", async () => {
    const app = Fastify();
    const therapist = { id: "t", displayName: "T", email: "t@example.org", isOwner: false, timeZone: "UTC" };
    const client = { id: "c", therapistId: "t", coupleId: null };
    app.addHook("preHandler", async (request) => {
      request.therapist = therapist;
      request.client = client;
    });
    app.get("/fine", { config: { access: "therapist" } }, async (request) => ({
      therapist: therapistOf(request).id,
      client: clientOf(request).id,
    }));
    expect((await app.inject({ url: "/fine" })).json()).toEqual({ therapist: "t", client: "c" });
  });
});
