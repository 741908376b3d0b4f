import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bookings } from "../../src/features/booking/booking.schema.ts";
import { openPostgres } from "../../src/platform/db/open-postgres.ts";
import { webMessages } from "../../src/platform/web/messages.ts";
import { bookingFormFields } from "../support/booking-form.ts";
import { formTokenIn, freshAddress } from "../support/forms.ts";
import { capturingLogger } from "../support/log-capture.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { testDatabaseLane } from "../support/test-database-lane.ts";

// The database going away, as the app sees it: every query fails as node-postgres fails when the
// connection drops, on both databases; then the real thing on PostgreSQL, through a proxy that cuts it off.

const logs = capturingLogger();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logger: logs.logger });
});
afterAll(() => t.close());

const queryMethods = [
  "select",
  "selectDistinct",
  "execute",
  "transaction",
  "insert",
  "update",
  "delete",
] as const;

/** Until the returned function is called, every query on the app's database fails as in an outage. */
function cutTheDatabase(): () => void {
  const spies = queryMethods.map((method) =>
    vi.spyOn(t.handle.db, method).mockImplementation(() => {
      throw new Error("Connection terminated unexpectedly");
    }),
  );
  return () => {
    for (const spy of spies) spy.mockRestore();
  };
}

/** The first offered time's details page. */
async function detailsPage(on: TestApp): Promise<string> {
  const times = await on.app.inject({ url: "/book?kind=individual&zone=Europe%2FLondon" });
  let href = /href="(\/book\/details\?[^"]+)"/.exec(times.body)?.[1];
  if (!href) {
    const next = /href="(\/book\?[^"]*week=\d+)"[^>]*>Go to the next available time/.exec(times.body)?.[1];
    const later = await on.app.inject({ url: (next as string).replace(/&amp;/g, "&") });
    href = /href="(\/book\/details\?[^"]+)"/.exec(later.body)?.[1];
  }
  return (href as string).replace(/&amp;/g, "&");
}

/** The booking form of a details page, filled in. */
const bookingFields = async (on: TestApp, href: string, name: string, email: string) =>
  bookingFormFields((await on.app.inject({ url: href })).body, name, email);

const bookingAddress = freshAddress();
const postBooking = (on: TestApp, fields: Record<string, string>) =>
  on.app.inject({
    method: "POST",
    url: "/book",
    remoteAddress: bookingAddress,
    headers: { "sec-fetch-site": "same-origin" },
    payload: fields,
  });

describe("while the database is unavailable", () => {
  it("a page that needs it answers 503 with Retry-After and the calm page, logged as a warning", async () => {
    const restore = cutTheDatabase();
    try {
      const response = await t.app.inject({ url: "/book?kind=couple&zone=Europe%2FLondon" });
      expect(response.statusCode).toBe(503);
      expect(response.headers["retry-after"]).toBe("30");
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.body).toContain(webMessages.unavailableTitle);
      expect(response.body).not.toContain("Connection terminated");
      expect(logs.text()).toContain('"msg":"database unavailable"');
      expect(logs.text()).not.toContain('"msg":"request failed"');
    } finally {
      restore();
    }
  });

  it("a booking keeps everything typed, and sending it again once the database is back books it", async () => {
    const fields = await bookingFields(t, await detailsPage(t), "Dara O'Neill", "dara@example.org");
    const restore = cutTheDatabase();
    let refused: Awaited<ReturnType<typeof t.app.inject>>;
    try {
      refused = await postBooking(t, fields);
    } finally {
      restore();
    }
    expect(refused.statusCode).toBe(503);
    expect(refused.headers["retry-after"]).toBe("30");
    expect(refused.body).toContain(webMessages.resendKept);
    // Every field is on the page, escaped, in a form that posts back to the booking.
    const kept = Object.fromEntries(
      [...refused.body.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [
        m[1],
        (m[2] ?? "")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&"),
      ]),
    );
    expect(kept).toEqual(fields);
    expect(refused.body).toContain('action="/book"');

    const again = await postBooking(t, kept);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toMatch(/^\/book\/manage\//);
  });

  it("a form on formPost shows its own page again, 503, with what was typed and 'try again in a minute'", async () => {
    const page = await t.app.inject({ url: "/sign-in" });
    const restore = cutTheDatabase();
    try {
      const response = await t.app.inject({
        method: "POST",
        url: "/sign-in",
        remoteAddress: freshAddress(),
        headers: { "sec-fetch-site": "same-origin" },
        payload: {
          _form: formTokenIn(page.body, "/sign-in"),
          email: "ada@example.org",
          password: "a secret passphrase",
        },
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers["retry-after"]).toBe("30");
      expect(response.body).toContain(webMessages.tryAgainInAMinute);
      expect(response.body).toContain('value="ada@example.org"');
      expect(response.body).not.toContain("a secret passphrase");
    } finally {
      restore();
    }
  });
});

describe.skipIf(testDatabaseLane() !== "postgres")("PostgreSQL cut off by the network", () => {
  let proxied: TestApp;
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxied = await createTestApp({
      reach: async (direct) => {
        const url = new URL(direct.connectionString as string);
        proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
        url.port = String(proxy.port);
        return openPostgres(url.toString(), { poolSize: 3, timeouts: { connectMs: 500, statementMs: 500 } });
      },
    });
  });
  afterAll(async () => {
    await proxied?.close();
    await proxy?.close();
  });

  it("answers 503 while the database is black-holed or resetting, and books again once it is back", async () => {
    const href = await detailsPage(proxied);
    const fields = await bookingFields(proxied, href, "Eli Ash", "eli@example.org");
    for (const fault of ["blackHole", "reset"] as const) {
      proxy[fault]();
      const page = await proxied.app.inject({ url: "/book?kind=couple&zone=Europe%2FLondon" });
      expect(page.statusCode).toBe(503);
      const post = await postBooking(proxied, fields);
      expect(post.statusCode).toBe(503);
      expect(post.body).toContain("Eli Ash");
      proxy.heal();
    }
    const booked = await postBooking(proxied, fields);
    expect(booked.statusCode).toBe(303);
    const rows = await proxied.handle.db
      .select()
      .from(bookings)
      .where(eq(bookings.submissionId, fields.submissionId));
    expect(rows).toHaveLength(1);
  });
});
