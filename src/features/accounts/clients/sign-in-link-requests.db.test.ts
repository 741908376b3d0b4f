import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClients, addTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import {
  linksPerAddressPerHour,
  linksPerRequesterPerHour,
  requestSignInLink,
  signInLinkIsUsable,
  useSignInLink,
} from "./client-sign-in-links.ts";

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

  it("count each asker's requests apart: someone else spending their hour never stops the client's own link", async () => {
    const therapist = await addTherapist(t, "Uma Umber", "uma@example.org");
    await addClients(t, therapist.id, [{ name: "Dee Dale", email: "dee@example.org" }]);
    const now = new Date();
    const tokens: string[] = [];
    const ask = (requester: string) =>
      requestSignInLink(
        t.handle.db,
        t.keys,
        {
          email: "dee@example.org",
          practiceName: "Haven demo practice",
          requester,
          linkFor: (token) => {
            tokens.push(token);
            return `/sign-in/link/${token}`;
          },
        },
        now,
      );
    const fromAbuser = [];
    for (let n = 0; n < linksPerRequesterPerHour + 4; n++) fromAbuser.push(await ask("abuser"));
    expect(fromAbuser.filter(Boolean)).toHaveLength(linksPerRequesterPerHour);
    // Refused quietly (the caller answers alike); the client's own request still gets a link that works.
    expect(await ask("client")).toBe(true);
    const own = tokens.at(-1) as string;
    for (let n = 0; n < 3; n++) await ask("abuser");
    expect(await signInLinkIsUsable(t.handle.db, own)).toBe(true);
    // Everyone together still cannot flood the inbox.
    let asker = 0;
    while ((await ask(`asker-${asker}`)) && asker < 100) asker++;
    expect(tokens).toHaveLength(linksPerAddressPerHour);
    expect(await signInLinkIsUsable(t.handle.db, own)).toBe(true);
  });
});
