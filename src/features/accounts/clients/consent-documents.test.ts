import { describe, expect, it } from "vitest";
import {
  consentDocument,
  consentDocumentsFor,
  consentsToAccept,
  consentVersionOf,
  secretsBetweenPartnersId,
} from "./consent-documents.ts";

const notMonitored = consentDocument("not-monitored", "Haven is not monitored", "Nobody reads this live.\n");
const secrets = consentDocument(
  secretsBetweenPartnersId,
  "Secrets between partners",
  "What you tell us alone.\n",
);
const limits = consentDocument("limits-of-confidentiality", "Limits", "When we must share.\n");
const all = [notMonitored, secrets, limits];

describe("which consent documents a client accepts", () => {
  it("asks partners in a couple for every document, and an individual for all but the secrets policy", () => {
    expect(consentDocumentsFor(all, { inCouple: true }).map((d) => d.id)).toEqual(all.map((d) => d.id));
    expect(consentDocumentsFor(all, { inCouple: false }).map((d) => d.id)).toEqual([
      "not-monitored",
      "limits-of-confidentiality",
    ]);
  });

  it("versions the exact words: a trailing space or line break is a new version", () => {
    expect(consentVersionOf("Words.\n")).toMatch(/^[0-9a-f]{16}$/);
    expect(notMonitored.version).toBe(consentVersionOf("Nobody reads this live.\n"));
    expect(consentVersionOf("Words.\n")).not.toBe(consentVersionOf("Words."));
  });

  it("compares each document with the version accepted last: changed, new, or nothing to do", () => {
    const accepted = new Map([
      ["not-monitored", notMonitored.version],
      ["limits-of-confidentiality", "0000000000000000"],
    ]);
    expect(consentsToAccept(all, accepted)).toEqual([
      { document: secrets, changed: false },
      { document: limits, changed: true },
    ]);
    const upToDate = new Map(all.map((d) => [d.id, d.version]));
    expect(consentsToAccept(all, upToDate)).toEqual([]);
  });
});
