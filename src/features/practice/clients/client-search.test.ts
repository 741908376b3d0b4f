import { describe, expect, it } from "vitest";
import type { ClientListing } from "../../accounts/clients/list-clients.ts";
import { foldName, searchClients } from "./client-search.ts";

const person = (
  id: string,
  name: string,
  status: ClientListing["status"],
  coupleId: string | null = null,
) => ({
  id,
  name,
  status,
  coupleId,
});
const groups: ClientListing[][] = [
  [person("a", "Ana Alder", "active", "k1"), person("b", "Bo Birch", "invited", "k1")],
  [person("c", "Zoë Ång", "active")],
  [person("d", "Dee Dogwood", "closed")],
];
const names = (found: ClientListing[][]) => found.map((group) => group.map((c) => c.name).join(" & "));

describe("searching the therapist's own clients", () => {
  it("finds part of a name whatever its case and accents, keeping a couple together", () => {
    expect(foldName("  Zoë   ÅNG ")).toBe("zoe ang");
    expect(names(searchClients(groups, { name: "zoe", status: "all", kind: "all" }))).toEqual(["Zoë Ång"]);
    expect(names(searchClients(groups, { name: "birch", status: "all", kind: "all" }))).toEqual([
      "Ana Alder & Bo Birch",
    ]);
    expect(searchClients(groups, { name: "", status: "all", kind: "all" })).toHaveLength(3);
    expect(searchClients(groups, { name: "nobody", status: "all", kind: "all" })).toEqual([]);
  });

  it("filters by status and by couples or individuals", () => {
    expect(names(searchClients(groups, { name: "", status: "closed", kind: "all" }))).toEqual([
      "Dee Dogwood",
    ]);
    expect(names(searchClients(groups, { name: "", status: "invited", kind: "all" }))).toEqual([
      "Ana Alder & Bo Birch",
    ]);
    expect(names(searchClients(groups, { name: "", status: "all", kind: "couples" }))).toEqual([
      "Ana Alder & Bo Birch",
    ]);
    expect(names(searchClients(groups, { name: "", status: "active", kind: "individuals" }))).toEqual([
      "Zoë Ång",
    ]);
  });
});
