import { describe, expect, it } from "vitest";
import { buildTimeline, type PersonRows } from "./build-timeline.ts";
import { timelineMessages as m } from "./messages.ts";

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 12));
const person = (over: Partial<PersonRows>): PersonRows => ({
  clientId: "a",
  name: "Ana",
  invitations: [],
  measures: [],
  shared: [],
  flags: [],
  closedAt: null,
  ...over,
});

describe("buildTimeline", () => {
  it("puts every kind of event in one list, newest first", () => {
    const events = buildTimeline({
      people: [
        person({
          invitations: [{ createdAt: at(1), acceptedAt: at(2) }],
          measures: [
            {
              id: "m",
              title: "CSI-16",
              assignedAt: at(3),
              answeredAt: at(5),
              score: { kind: "total", score: 40, pastCutOff: true },
            },
          ],
          shared: [{ id: "e", kind: "note", sharedAt: at(4) }],
          flags: [{ kind: "crisis-words", createdAt: at(6) }],
          closedAt: at(9),
        }),
        person({ clientId: "b", name: "Ben", invitations: [{ createdAt: at(1), acceptedAt: null }] }),
      ],
      sessions: [{ startsAt: at(7), status: "scheduled", clientId: null }],
      marks: [{ step: 3, createdAt: at(8), injuryId: "i" }],
      consultations: [{ startsAt: at(0), kind: "couple" }],
    });
    expect(events.map((event) => event.kind)).toEqual([
      "closed",
      "mark",
      "session",
      "flag",
      "measure-answered",
      "shared",
      "measure-assigned",
      "accepted",
      "invited",
      "invited",
      "consultation",
    ]);
    expect(events.filter((event) => event.kind === "invited").map((event) => event.who)).toEqual([
      "Ana",
      "Ben",
    ]);
    const session = events.find((event) => event.kind === "session");
    expect(session?.who).toBeNull();
  });

  it("names a session alone by the partner it was with", () => {
    const [event] = buildTimeline({
      people: [person({}), person({ clientId: "b", name: "Ben" })],
      sessions: [{ startsAt: at(7), status: "cancelled", clientId: "b" }],
      marks: [],
      consultations: [],
    });
    expect(event).toMatchObject({ kind: "session", who: "Ben", together: false, recordId: "b" });
  });

  it("names the person a consultation was with when they are seen alone, and says together for a couple", () => {
    const consultations = [{ startsAt: at(1), kind: "individual" as const }];
    const [alone] = buildTimeline({ people: [person({})], sessions: [], marks: [], consultations });
    expect(alone).toMatchObject({ kind: "consultation", who: "Ana", recordId: "a" });
    const [together] = buildTimeline({
      people: [person({}), person({ clientId: "b", name: "Ben" })],
      sessions: [],
      marks: [],
      consultations: [{ startsAt: at(1), kind: "couple" }],
    });
    expect(together).toMatchObject({ kind: "consultation", who: null });
  });

  it("says a score and whether it is past the cut-off, and never a score for a declined screen", () => {
    expect(m.measureAnswered("CSI-16", { kind: "total", score: 40, pastCutOff: true })).toBe(
      "Answered CSI-16. Score 40. Past the cut-off.",
    );
    expect(m.measureAnswered("CSI-16", { kind: "total", score: 80, pastCutOff: false })).toBe(
      "Answered CSI-16. Score 80.",
    );
    expect(m.measureAnswered("Screen", { kind: "declined" })).toBe("Answered Screen. Chose not to answer.");
  });
});
