import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClients, addTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { requestSignInLink, signInLinkIsUsable, useSignInLink } from "./client-sign-in-links.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("sign-in links requested by anyone who knows the address", () => {
  it("never end the link the client already has; using one ends the others", async () => {
    const therapist = await addTherapist(t, "Tam Teal", "tam@example.org");
    await addClients(t, therapist.id, [{ name: "Cleo Cole", email: "cleo@example.org" }]);
    const tokens: string[] = [];
    const ask = () =>
      requestSignInLink(t.handle.db, t.keys, {
        email: "cleo@example.org",
        practiceName: "Haven demo practice",
        linkFor: (token) => {
          tokens.push(token);
          return `/sign-in/link/${token}`;
        },
      });
    expect(await ask()).toBe(true); // Cleo's own request
    expect(await ask()).toBe(true); // someone else's, a minute later
    const [cleos, theirs] = tokens as [string, string];
    expect(await signInLinkIsUsable(t.handle.db, cleos)).toBe(true);
    expect(await useSignInLink(t.handle.db, cleos)).toMatchObject({ secondFactor: false });
    expect(await signInLinkIsUsable(t.handle.db, theirs)).toBe(false);
  });
});
