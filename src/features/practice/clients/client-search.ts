import type { ClientListing } from "../../accounts/clients/list-clients.ts";

export const statusFilters = ["all", "active", "invited", "paused", "closed"] as const;
export const kindFilters = ["all", "couples", "individuals"] as const;
export type ClientFilters = {
  name: string;
  status: (typeof statusFilters)[number];
  kind: (typeof kindFilters)[number];
};

/** Lower case, accents folded, spaces collapsed: "Zoë  Ång" finds "zoe ang". */
export function foldName(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("en-GB").replace(/\s+/g, " ").trim();
}

/**
 * The therapist's own clients, grouped by couple, kept when a partner matches: search runs over the names
 * decrypted in memory for this list (record 056), never over anything stored in a searchable form.
 */
export function searchClients(groups: ClientListing[][], filters: ClientFilters): ClientListing[][] {
  const wanted = foldName(filters.name);
  return groups.filter((group) => {
    const isCouple = group.length > 1 || group[0]?.coupleId != null;
    if (filters.kind === "couples" && !isCouple) return false;
    if (filters.kind === "individuals" && isCouple) return false;
    if (filters.status !== "all" && !group.some((client) => client.status === filters.status)) return false;
    return wanted === "" || group.some((client) => foldName(client.name).includes(wanted));
  });
}
