import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshAddress } from "../../../test/support/forms.ts";
import { addClients, addTherapist, signInTherapist } from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

let t: TestApp;
let clientCookie: string;
let therapistCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  therapistCookie = await signInTherapist(t, tess);
  const [bea] = await addClients(t, tess.id, [{ name: "Bea Birch", email: "bea@example.org" }]);
  clientCookie = bea?.cookie as string;
});
afterAll(() => t.close());

const closedRoutes = () =>
  t.app.declaredRoutes.filter(
    (r) => r.access !== "public" && r.access !== "anonymous" && r.method !== "HEAD",
  );

const request = (method: string, url: string, cookie?: string) =>
  t.app.inject({
    method: method as "GET" | "POST",
    url,
    remoteAddress: freshAddress(),
    headers: { ...(cookie ? { cookie } : {}), "sec-fetch-site": "same-origin" },
    ...(method === "POST" ? { payload: {} } : {}),
  });

describe("every route's declared access", () => {
  it("is declared for every route (registration fails otherwise), the private ones included", () => {
    const byUrl = Object.fromEntries(t.app.declaredRoutes.map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(byUrl["GET /"]).toBe("public");
    expect(byUrl["GET /practice"]).toBe("therapist");
    expect(byUrl["GET /my"]).toBe("client");
    expect(byUrl["POST /sign-in"]).toBe("anonymous");
    expect(closedRoutes().length).toBeGreaterThan(8);
  });

  it("sends someone who is not signed in to the sign-in page from every private route", async () => {
    for (const route of closedRoutes()) {
      const response = await request(route.method, route.url);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(303);
      expect(response.headers.location, `${route.method} ${route.url}`).toBe("/sign-in");
    }
  });

  it("keeps clients out of every therapist route, and therapists out of every client route", async () => {
    for (const route of closedRoutes()) {
      if (route.access === "client") {
        const response = await request(route.method, route.url, therapistCookie);
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(303);
      }
      if (
        route.access === "therapist" ||
        route.access === "owner" ||
        route.access === "therapist-enrolling"
      ) {
        const response = await request(route.method, route.url, clientCookie);
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(303);
        expect(response.headers.location).toBe("/sign-in");
      }
    }
  });
});
