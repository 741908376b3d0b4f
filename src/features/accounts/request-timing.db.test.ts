import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress } from "../../../test/support/forms.ts";
import { deliveredMail } from "../../../test/support/outbox.ts";
import { addClients, addTherapist } from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

// Whether an address has an account must not show in how long the answer takes (record 047): the
// forms queue the request and answer; the lookup, the caps, the link and its email come afterwards.
// The one test in the suite with a limit in time, as issue 15 asks: medians of 50, after a warm-up,
// failing on a difference over 1 ms.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const therapist = await addTherapist(t, "Kit Knox", "kit@example.org");
  await addClients(t, therapist.id, [{ name: "Bea Bell", email: "bea@example.org" }]);
});
afterAll(() => t.close());

const samples = 50;
const warmUp = 10;
const allowedMs = 1;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Posts the form once and returns milliseconds to the answer; then lets the queued work finish, untimed. */
async function timedPost(page: string, action: string, token: string, email: string): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await t.app.inject({
    method: "POST",
    url: action,
    remoteAddress: freshAddress(),
    headers: { "sec-fetch-site": "same-origin" },
    payload: { _form: token, email },
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  expect(response.statusCode, `${page}: ${response.body.slice(0, 200)}`).toBe(200);
  await new Promise((resolve) => setImmediate(resolve));
  await t.app.jobs.idle();
  return elapsed;
}

/** One round: medians of `samples` answers each, the two kinds in a random order within each pair. */
async function round(page: string, action: string, token: string, known: string, unknown: string) {
  const times = { known: [] as number[], unknown: [] as number[] };
  for (let n = 0; n < samples; n++) {
    // A random order within each pair, so neither a drift in the machine's speed nor work that recurs
    // every few requests (garbage collection) falls on one kind more than the other.
    const order = Math.random() < 0.5 ? (["known", "unknown"] as const) : (["unknown", "known"] as const);
    for (const which of order)
      times[which].push(await timedPost(page, action, token, which === "known" ? known : unknown));
  }
  return { known: median(times.known), unknown: median(times.unknown) };
}

/**
 * The difference of the medians, after a warm-up. On a busy machine one round's medians can differ by
 * more than the limit by chance alone, so up to three rounds are run and the smallest difference counts:
 * a real difference in the work done shows in every round.
 */
async function compare(page: string, action: string, known: string, unknown: string): Promise<number> {
  const token = formTokenIn((await t.app.inject({ url: page })).body, action);
  for (let n = 0; n < warmUp; n++) {
    await timedPost(page, action, token, known);
    await timedPost(page, action, token, unknown);
  }
  let smallest = Number.POSITIVE_INFINITY;
  for (let attempt = 1; attempt <= 3 && smallest > allowedMs; attempt++) {
    const result = await round(page, action, token, known, unknown);
    const difference = result.known - result.unknown;
    console.log(
      `${action} round ${attempt}: median of ${samples} — known ${result.known.toFixed(3)} ms, unknown ${result.unknown.toFixed(3)} ms, difference ${difference.toFixed(3)} ms`,
    );
    smallest = Math.min(smallest, Math.abs(difference));
  }
  return smallest;
}

describe("the sign-in-link and password-reset forms", () => {
  it("answer a client's address and an unknown one in the same time, and still send the client's link", async () => {
    const difference = await compare("/sign-in", "/sign-in/link", "bea@example.org", "bex@example.org");
    expect(difference).toBeLessThanOrEqual(allowedMs);
    const mail = await deliveredMail(t);
    expect(mail.some((m) => m.to.includes("bea@example.org"))).toBe(true);
    expect(mail.some((m) => m.to.includes("bex@example.org"))).toBe(false);
  });

  it("answer a therapist's address and an unknown one in the same time, and still send the reset", async () => {
    const before = (await deliveredMail(t)).filter((m) => m.to.includes("kit@example.org")).length;
    const difference = await compare(
      "/password-reset",
      "/password-reset",
      "kit@example.org",
      "kix@example.org",
    );
    expect(difference).toBeLessThanOrEqual(allowedMs);
    const mail = await deliveredMail(t);
    // The account's hourly cap held whoever asked: three reset emails, not sixty.
    expect(mail.filter((m) => m.to.includes("kit@example.org")).length - before).toBe(3);
    expect(mail.some((m) => m.to.includes("kix@example.org"))).toBe(false);
  });
});
