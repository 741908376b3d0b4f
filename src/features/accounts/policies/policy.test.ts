import { describe, expect, it } from "vitest";
import { type Action, type Actor, allow, type Resource } from "./policy.ts";

// One small practice: Bea and Cal are a couple, Dee is seen alone; all three are Tess's clients.
// Otto owns the practice and has clients of his own; Uma is another therapist.
const ids = {
  bea: "c-bea",
  cal: "c-cal",
  dee: "c-dee",
  couple: "k-1",
  tess: "t-tess",
  otto: "t-otto",
  uma: "t-uma",
};
const bea = { clientId: ids.bea, therapistId: ids.tess, coupleId: ids.couple };

const actors: Record<string, Actor> = {
  anonymous: { kind: "anonymous" },
  client: { kind: "client", clientId: ids.bea, coupleId: ids.couple, therapistId: ids.tess },
  partner: { kind: "client", clientId: ids.cal, coupleId: ids.couple, therapistId: ids.tess },
  otherClient: { kind: "client", clientId: ids.dee, coupleId: null, therapistId: ids.tess },
  therapistOfRecord: { kind: "therapist", therapistId: ids.tess, isOwner: false },
  otherTherapist: { kind: "therapist", therapistId: ids.uma, isOwner: false },
  owner: { kind: "therapist", therapistId: ids.otto, isOwner: true },
};

const entry = (partner: boolean, therapist: boolean): Resource => ({
  type: "entry",
  ...bea,
  sharedWith: { partner, therapist },
});

/** Each cell lists the actions allowed: r(ead), c(reate), u(pdate), d(elete). Bea's records throughout. */
const table: [string, Resource, Record<keyof typeof actors, string>][] = [
  [
    "a private entry",
    entry(false, false),
    {
      anonymous: "",
      client: "rcud",
      partner: "",
      otherClient: "",
      therapistOfRecord: "",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "an entry shared with the partner",
    entry(true, false),
    {
      anonymous: "",
      client: "rcud",
      partner: "r",
      otherClient: "",
      therapistOfRecord: "",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "an entry shared with the therapist",
    entry(false, true),
    {
      anonymous: "",
      client: "rcud",
      partner: "",
      otherClient: "",
      therapistOfRecord: "r",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "an entry shared with both",
    entry(true, true),
    {
      anonymous: "",
      client: "rcud",
      partner: "r",
      otherClient: "",
      therapistOfRecord: "r",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "safety answers",
    { type: "safety-answers", ...bea },
    {
      anonymous: "",
      client: "c",
      partner: "",
      otherClient: "",
      therapistOfRecord: "r",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "a measure with therapist-only results",
    { type: "measure", resultsShownToClient: false, ...bea },
    {
      anonymous: "",
      client: "u",
      partner: "",
      otherClient: "",
      therapistOfRecord: "rc",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "a measure whose results the client sees",
    { type: "measure", resultsShownToClient: true, ...bea },
    {
      anonymous: "",
      client: "ru",
      partner: "",
      otherClient: "",
      therapistOfRecord: "rc",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "the client's account",
    { type: "client-account", ...bea },
    {
      anonymous: "",
      client: "ru",
      partner: "",
      otherClient: "",
      therapistOfRecord: "ru",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "the client's data export",
    { type: "client-export", ...bea },
    {
      anonymous: "",
      client: "r",
      partner: "",
      otherClient: "",
      therapistOfRecord: "",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "an invitation to Tess's caseload",
    { type: "client-invitation", therapistId: ids.tess },
    {
      anonymous: "",
      client: "",
      partner: "",
      otherClient: "",
      therapistOfRecord: "cd",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "sharing with the partner while joint work is closed",
    { type: "partner-share", ...bea, jointWorkOpen: false },
    {
      anonymous: "",
      client: "",
      partner: "",
      otherClient: "",
      therapistOfRecord: "",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "sharing with the partner once the therapist has opened joint work",
    { type: "partner-share", ...bea, jointWorkOpen: true },
    {
      anonymous: "",
      client: "c",
      partner: "",
      otherClient: "",
      therapistOfRecord: "",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "a couple's joint-work gate",
    { type: "joint-work", ...bea },
    {
      anonymous: "",
      client: "",
      partner: "",
      otherClient: "",
      therapistOfRecord: "ru",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "a notice to the therapist that something needs them",
    { type: "notification", therapistId: ids.tess, safety: false, coverTherapistId: ids.uma },
    {
      anonymous: "",
      client: "",
      partner: "",
      otherClient: "",
      therapistOfRecord: "ru",
      otherTherapist: "",
      owner: "",
    },
  ],
  [
    "a safety alert of a therapist who is away, covered by another",
    { type: "notification", therapistId: ids.tess, safety: true, coverTherapistId: ids.uma },
    {
      anonymous: "",
      client: "",
      partner: "",
      otherClient: "",
      therapistOfRecord: "ru",
      otherTherapist: "ru",
      owner: "",
    },
  ],
  [
    "the practice's administration",
    { type: "practice-admin" },
    {
      anonymous: "",
      client: "",
      partner: "",
      otherClient: "",
      therapistOfRecord: "",
      otherTherapist: "",
      owner: "rcud",
    },
  ],
];

const couple = { therapistId: ids.tess, coupleId: ids.couple };
const none = {
  anonymous: "",
  client: "",
  partner: "",
  otherClient: "",
  therapistOfRecord: "",
  otherTherapist: "",
  owner: "",
};
const repairRows: [string, Resource, Record<keyof typeof actors, string>][] = [
  [
    "an injury, joint work closed",
    { type: "injury", ...couple, jointWorkOpen: false },
    { ...none, therapistOfRecord: "rcu" },
  ],
  [
    "an injury, joint work open",
    { type: "injury", ...couple, jointWorkOpen: true },
    { ...none, client: "r", partner: "r", therapistOfRecord: "rcu" },
  ],
  [
    "a suggested injury",
    { type: "injury-suggestion", ...bea },
    { ...none, client: "rc", therapistOfRecord: "r" },
  ],
  [
    "a mark on the map of the repair",
    { type: "repair-mark", therapistId: ids.tess },
    { ...none, therapistOfRecord: "rc" },
  ],
  [
    "a piece opened for Bea",
    { type: "opened-piece", ...bea, jointWorkOpen: true, pieceOpen: true },
    { ...none, client: "ru", therapistOfRecord: "rcu" },
  ],
  [
    "a piece closed again",
    { type: "opened-piece", ...bea, jointWorkOpen: true, pieceOpen: false },
    { ...none, therapistOfRecord: "rcu" },
  ],
  [
    "a piece, joint work closed",
    { type: "opened-piece", ...bea, jointWorkOpen: false, pieceOpen: true },
    { ...none, therapistOfRecord: "rcu" },
  ],
  [
    "the couple's story, opened",
    { type: "story", ...couple, jointWorkOpen: true, storyOpen: true, injuryClosed: false },
    { ...none, client: "ru", partner: "ru", therapistOfRecord: "rc" },
  ],
  [
    "the couple's story, injury closed",
    { type: "story", ...couple, jointWorkOpen: true, storyOpen: true, injuryClosed: true },
    { ...none, client: "r", partner: "r", therapistOfRecord: "rc" },
  ],
  [
    "the couple's story, not opened",
    { type: "story", ...couple, jointWorkOpen: true, storyOpen: false, injuryClosed: false },
    { ...none, therapistOfRecord: "rc" },
  ],
  [
    "the couple's story, joint work closed",
    { type: "story", ...couple, jointWorkOpen: false, storyOpen: true, injuryClosed: false },
    { ...none, therapistOfRecord: "rc" },
  ],
];
table.push(...repairRows);

const half = (jointWorkOpen: boolean, shared: boolean, bothShared: boolean): Resource => ({
  type: "cycle-half",
  ...bea,
  jointWorkOpen,
  shared,
  bothShared,
});
table.push(
  ["Bea's side of the cycle, private", half(true, false, false), { ...none, client: "rcu" }],
  [
    "Bea's side, shared, Cal's not yet",
    half(true, true, false),
    { ...none, client: "rcu", therapistOfRecord: "r" },
  ],
  [
    "Bea's side, both shared",
    half(true, true, true),
    { ...none, client: "rcu", partner: "r", therapistOfRecord: "r" },
  ],
  ["Bea's side, joint work closed", half(false, true, true), { ...none, therapistOfRecord: "r" }],
  [
    "the cycle's name, joint work open",
    { type: "cycle-name", ...couple, jointWorkOpen: true },
    { ...none, client: "r", partner: "r", therapistOfRecord: "rcu" },
  ],
  [
    "the cycle's name, joint work closed",
    { type: "cycle-name", ...couple, jointWorkOpen: false },
    { ...none, therapistOfRecord: "rcu" },
  ],
  [
    "Bea's language coach setting",
    { type: "language-coach", ...bea },
    { ...none, client: "r", therapistOfRecord: "ru" },
  ],
  [
    "a piece of the individual path, open for Bea",
    { type: "path-piece", ...bea, pieceOpen: true },
    { ...none, client: "ru", therapistOfRecord: "rcu" },
  ],
  [
    "a piece of the individual path, closed again",
    { type: "path-piece", ...bea, pieceOpen: false },
    { ...none, therapistOfRecord: "rcu" },
  ],
  [
    "Bea's session alone: never her partner's to see",
    { type: "session", therapistId: ids.tess, clientId: ids.bea, coupleId: null },
    { ...none, client: "r", therapistOfRecord: "rcu" },
  ],
  [
    "the couple's joint session",
    { type: "session", therapistId: ids.tess, clientId: null, coupleId: ids.couple },
    { ...none, client: "r", partner: "r", therapistOfRecord: "rcu" },
  ],
);

const letters: Record<Action, string> = { read: "r", create: "c", update: "u", delete: "d" };

describe("the policy table", () => {
  for (const [name, resource, expected] of table) {
    describe(name, () => {
      for (const [who, actor] of Object.entries(actors)) {
        it(`${who}: ${expected[who] || "nothing"}`, () => {
          const allowed = (Object.keys(letters) as Action[])
            .filter((action) => allow(actor, action, resource))
            .map((action) => letters[action])
            .join("");
          expect(allowed).toBe(expected[who]);
        });
      }
    });
  }

  it("covers every kind of resource", () => {
    const kinds = new Set(table.map(([, resource]) => resource.type));
    expect([...kinds].sort()).toEqual(
      [
        "client-account",
        "client-export",
        "client-invitation",
        "cycle-half",
        "cycle-name",
        "entry",
        "injury",
        "injury-suggestion",
        "joint-work",
        "language-coach",
        "measure",
        "notification",
        "opened-piece",
        "partner-share",
        "path-piece",
        "practice-admin",
        "repair-mark",
        "safety-answers",
        "session",
        "story",
      ].sort(),
    );
  });

  it("lets the owner read a client's shared entry only as that client's therapist", () => {
    const ottosClient: Resource = {
      type: "entry",
      clientId: "c-eve",
      therapistId: ids.otto,
      coupleId: null,
      sharedWith: { partner: false, therapist: true },
    };
    expect(allow(actors.owner as Actor, "read", ottosClient)).toBe(true);
    expect(allow(actors.owner as Actor, "read", entry(false, true))).toBe(false);
  });

  it("never treats someone from another couple as a partner", () => {
    const stranger: Actor = { kind: "client", clientId: "c-fay", coupleId: "k-2", therapistId: ids.tess };
    expect(allow(stranger, "read", entry(true, true))).toBe(false);
    const single: Actor = { kind: "client", clientId: "c-gus", coupleId: null, therapistId: ids.tess };
    expect(allow(single, "read", { ...entry(true, false), coupleId: null } as Resource)).toBe(false);
  });
});
