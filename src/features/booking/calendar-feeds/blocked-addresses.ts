import { BlockList, isIPv4, isIPv6 } from "node:net";

// Which IP addresses Haven refuses to fetch a calendar from: everything that is not ordinary public
// internet. A therapist's feed lives on Google, Microsoft or Apple; an address inside the server's own
// network (a database, a cloud metadata service at 169.254.169.254, a router's admin page) is never a
// calendar, and fetching it on someone's say-so is how server-side request forgery works.
// Ranges: IANA's IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and successors).

const blockedV4: Array<[string, number, string]> = [
  ["0.0.0.0", 8, "this network"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local, cloud metadata"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "6to4 relay anycast"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved, broadcast"],
];

// Only 2000::/3 is global unicast; anything outside it (loopback ::1, unspecified ::, unique-local
// fc00::/7, link-local fe80::/10, multicast ff00::/8, ...) is refused by that test alone. These are the
// special blocks inside it.
const blockedV6InsideGlobal: Array<[string, number, string]> = [
  ["2001::", 23, "IETF protocol assignments (Teredo, ORCHID, ...)"],
  ["2001:db8::", 32, "documentation"],
  ["2002::", 16, "6to4, which embeds an IPv4 address"],
  ["3fff::", 20, "documentation"],
];

function listOf(ranges: Array<[string, number, string]>, type: "ipv4" | "ipv6"): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of ranges) list.addSubnet(network, prefix, type);
  return list;
}

const v4List = listOf(blockedV4, "ipv4");
const v6List = listOf(blockedV6InsideGlobal, "ipv6");
const globalUnicast = listOf([["2000::", 3, "global unicast"]], "ipv6");

/** The eight 16-bit groups of an IPv6 address (a zone such as "%eth0" is ignored), or null if malformed. */
export function ipv6Groups(address: string): number[] | null {
  const text = address.replace(/%.*$/, "").toLowerCase();
  if (!isIPv6(text)) return null;
  const [head = "", tail] = text.split("::");
  const parse = (part: string): number[] =>
    part === ""
      ? []
      : part.split(":").flatMap((piece) => {
          if (!piece.includes(".")) return [Number.parseInt(piece, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = piece.split(".").map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const front = parse(head);
  if (tail === undefined) return front;
  const back = parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** The IPv4 address carried in the last 32 bits of an IPv6 address. */
function embeddedV4(groups: number[]): string {
  const [hi = 0, lo = 0] = groups.slice(6);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

function startsWith(groups: number[], prefix: number[]): boolean {
  return prefix.every((group, index) => groups[index] === group);
}

/** Whether Haven must not connect to this address. Anything it cannot read as an IP address is refused. */
export function isBlockedAddress(address: string): boolean {
  if (isIPv4(address)) return v4List.check(address, "ipv4");
  const groups = ipv6Groups(address);
  if (groups === null) return true;
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the IPv4 address inside them.
  if (startsWith(groups, [0, 0, 0, 0, 0, 0xffff]) || startsWith(groups, [0x64, 0xff9b, 0, 0, 0, 0])) {
    return v4List.check(embeddedV4(groups), "ipv4");
  }
  const canonical = groups.map((group) => group.toString(16)).join(":");
  return !globalUnicast.check(canonical, "ipv6") || v6List.check(canonical, "ipv6");
}
