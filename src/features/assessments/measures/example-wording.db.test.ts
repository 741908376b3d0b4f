import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, submitForm } from "../../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestClient,
} from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { loadInstrumentDefinitions } from "../instruments/definitions/index.ts";
import { loadPack } from "../instruments/instrument-pack.ts";
import { assignMeasure } from "./assign-measure.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";
import { openMeasure } from "./measure-assignments.ts";
import { itemField } from "./read-measure-answers.ts";

// Placeholder wording (the placeholder pack the demo practice loads) never reaches a real client:
// outside demo mode it cannot be asked for, by the form or by a hand-made post; in the demo it can,
// says plainly that it is example wording, and is never scored (HAZ: placeholder measures).

const banner = "Example wording — not a real questionnaire.";
const placeholderPack = loadPack("content/instrument-packs/placeholder.yaml");

type Side = { t: TestApp; tessId: string; tessCookie: string; bea: TestClient };

/** An app with the placeholder pack, in or out of demo mode, with one therapist and one client. */
async function practice(demo: boolean): Promise<Side> {
  const t = await createTestApp({ env: { HAVEN_DEMO: demo ? "1" : "0" } });
  await addTherapist(t, "Otto Oak", "otto@example.org"); // the first therapist owns the practice
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const [bea] = (await addClients(t, tess.id, [{ name: "Bea Birch", email: "bea@example.org" }])) as [
    TestClient,
  ];
  return { t, tessId: tess.id, tessCookie: await signInTherapist(t, tess), bea };
}

let live: Side;
let demo: Side;
beforeAll(async () => {
  live = await practice(false);
  demo = await practice(true);
});
afterAll(async () => {
  await live?.t.close();
  await demo?.t.close();
});

const get = (side: Side, url: string, cookie: string) => side.t.app.inject({ url, headers: { cookie } });
const record = (side: Side) => `/practice/clients/${side.bea.id}`;
const rowsOf = (side: Side) =>
  side.t.handle.db.select().from(measureAssignments).where(eq(measureAssignments.clientId, side.bea.id));

describe("outside demo mode, a measure with placeholder wording", () => {
  it("is not offered on the client's record, which says why beside the choice and links to Measures", async () => {
    const page = await get(live, record(live), live.tessCookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('id="field-instrument-ecr-r"');
    expect(page.body).not.toContain('id="field-instrument-hark"');
    expect(page.body).toContain('id="field-instrument-connection-check-in"'); // Haven's own wording
    const note = /<p class="muted" id="measures-withheld">(.*?)<\/p>/s.exec(page.body)?.[1] ?? "";
    expect(note).toContain("Experiences in Close Relationships");
    expect(note).toContain("only placeholder wording");
    expect(note).toContain('<a href="/practice/measures">Measures</a>');

    const measures = await get(live, "/practice/measures", live.tessCookie);
    expect(measures.body).toContain("Not offered to clients — placeholder wording only");
    expect(measures.body).not.toContain("Ready — placeholder wording");
  });

  it("is refused on a hand-made post, with the reason beside the field, and nothing is stored", async () => {
    const token = formTokenIn((await get(live, record(live), live.tessCookie)).body);
    for (const instrument of ["ecr-r", "hark", "csi-4"]) {
      const refused = await live.t.app.inject({
        method: "POST",
        url: `${record(live)}/measures`,
        headers: { cookie: live.tessCookie, "sec-fetch-site": "same-origin" },
        payload: { _form: token, instrument },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toMatch(
        /class="field-error"[^>]*>[^<]+ has only placeholder wording, not the real questions, so it cannot be given to a client\./,
      );
      expect(refused.body).toContain('<a href="/practice/measures">Measures</a>');
    }
    expect(await rowsOf(live)).toHaveLength(0);
  });

  it("is refused by the use case itself, whatever calls it, and allowed there only in demo mode", async () => {
    const input = {
      clientId: live.bea.id,
      therapistId: live.tessId,
      instrumentId: "ecr-r",
      resultsShownToClient: false,
    };
    const rules = { instruments: loadInstrumentDefinitions(), pack: placeholderPack };
    expect(await assignMeasure(live.t.handle.db, { ...rules, demo: false }, input)).toEqual({
      ok: false,
      reason: "example-wording",
    });
    expect(await rowsOf(live)).toHaveLength(0);
    expect((await assignMeasure(live.t.handle.db, { ...rules, demo: true }, input)).ok).toBe(true);
    await live.t.handle.db.delete(measureAssignments).where(eq(measureAssignments.clientId, live.bea.id));
  });

  it("cannot be opened or answered by the client when it was asked for before", async () => {
    // As if asked for while demo mode was on, or by an older version of Haven.
    const [row] = await live.t.handle.db
      .insert(measureAssignments)
      .values({ clientId: live.bea.id, therapistId: live.tessId, instrumentId: "csi-4" })
      .returning({ id: measureAssignments.id });
    const url = `/my/measures/${row?.id}`;
    const page = await get(live, url, live.bea.cookie);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain("Not available just now");
    expect(page.body).not.toContain("[Placeholder");
    const sent = await live.t.app.inject({
      method: "POST",
      url,
      headers: { cookie: live.bea.cookie, "sec-fetch-site": "same-origin" },
      payload: { [itemField("csi4-01")]: "3" },
    });
    expect(sent.statusCode).not.toBe(303);
    expect(sent.statusCode).toBeLessThan(500);
    const [after] = await rowsOf(live);
    expect(after?.answeredAt).toBeNull();
    expect(after?.answersEncrypted).toBeNull();
  });
});

describe("in demo mode, a measure with placeholder wording", () => {
  it("can be asked for, carries a clear banner for the client, and has no score for either of them", async () => {
    const asked = await submitForm(demo.t.app, {
      page: record(demo),
      action: `${record(demo)}/measures`,
      cookie: demo.tessCookie,
      fields: { instrument: "csi-4" }, // results normally shown to the client
    });
    expect(asked.statusCode).toBe(303);
    const [row] = await rowsOf(demo);
    expect(row?.resultsShownToClient).toBe(true);
    const url = `/my/measures/${row?.id}`;

    const form = await get(demo, url, demo.bea.cookie);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(banner);
    expect(form.body.indexOf(banner)).toBeLessThan(form.body.indexOf("<form", form.body.indexOf("<main")));

    const sent = await submitForm(demo.t.app, {
      page: url,
      cookie: demo.bea.cookie,
      fields: {
        [itemField("csi4-01")]: "6",
        [itemField("csi4-02")]: "5",
        [itemField("csi4-03")]: "5",
        [itemField("csi4-04")]: "5",
      },
    });
    expect(sent.statusCode).toBe(303);

    // Stored with the wording it was answered with, so it is never scored, whatever pack comes later.
    const [answered] = await rowsOf(demo);
    if (!answered) throw new Error("the measure went missing");
    expect(openMeasure(demo.t.keys, answered).wording).toMatchObject({ placeholder: true });

    const clientView = await get(demo, url, demo.bea.cookie);
    expect(clientView.body).toContain(banner);
    expect(clientView.body).not.toContain("Your results");
    expect(clientView.body).not.toContain("<strong>21</strong>");
    expect(clientView.body).not.toContain("on a scale from");

    const therapistView = await get(demo, record(demo), demo.tessCookie);
    const section = /<section class="stack" id="measures".*?<\/section>/s.exec(therapistView.body)?.[0] ?? "";
    expect(section).toContain(banner);
    expect(section).toContain("example wording, not a real questionnaire");
    expect(section).toContain("so there is no score");
    expect(section).not.toContain("<strong>21</strong>");
    expect(section).not.toContain("on a scale from");
    expect(section).not.toContain("range often seen");
  });

  it("is offered on the client's record, with nothing said to be held back", async () => {
    const page = await get(demo, record(demo), demo.tessCookie);
    expect(page.body).toContain('id="field-instrument-ecr-r"');
    expect(page.body).not.toContain('id="measures-withheld"');
  });
});
