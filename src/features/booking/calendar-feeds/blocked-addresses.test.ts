import { describe, expect, it } from "vitest";
import { ipv6Groups, isBlockedAddress } from "./blocked-addresses.ts";

// Every refused range, tested at its edges, next to the public neighbours that must stay reachable.

describe("IPv4", () => {
  it.each([
    ["0.0.0.0", "this network"],
    ["0.255.255.255", "this network"],
    ["10.0.0.0", "private 10/8"],
    ["10.255.255.255", "private 10/8"],
    ["100.64.0.0", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.0.1", "link-local"],
    ["169.254.169.254", "cloud metadata"],
    ["172.16.0.0", "private 172.16/12"],
    ["172.31.255.255", "private 172.16/12"],
    ["192.0.0.170", "IETF assignments (NAT64 discovery)"],
    ["192.0.0.192", "IETF assignments (Oracle Cloud metadata)"],
    ["192.0.2.10", "documentation"],
    ["192.88.99.1", "6to4 relay"],
    ["192.168.0.0", "private 192.168/16"],
    ["192.168.255.255", "private 192.168/16"],
    ["198.18.0.0", "benchmarking"],
    ["198.19.255.255", "benchmarking"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.99", "documentation"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
  ])("refuses %s (%s)", (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    "1.1.1.1",
    "8.8.8.8",
    "9.255.255.255",
    "11.0.0.0",
    "100.63.255.255",
    "100.128.0.0",
    "126.255.255.255",
    "128.0.0.0",
    "169.253.255.255",
    "169.255.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "192.0.1.0",
    "192.167.255.255",
    "192.169.0.0",
    "198.17.255.255",
    "198.20.0.0",
    "223.255.255.255",
    "142.250.180.14",
    "17.253.144.10",
  ])("allows the public address %s", (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});

describe("IPv6", () => {
  it.each([
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, hex form"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["::ffff:a9fe:a9fe", "IPv4-mapped cloud metadata"],
    ["0:0:0:0:0:ffff:c0a8:0101", "IPv4-mapped 192.168.1.1, written out"],
    ["64:ff9b::10.0.0.1", "NAT64 of a private address"],
    ["64:ff9b::7f00:1", "NAT64 of loopback"],
    ["64:ff9b:1::1", "local-use NAT64"],
    ["::127.0.0.1", "IPv4-compatible (deprecated)"],
    ["100::1", "discard-only"],
    ["2001::1", "Teredo"],
    ["2001:1ff:ffff::1", "IETF assignments"],
    ["2001:db8::1", "documentation"],
    ["2002:7f00:1::1", "6to4"],
    ["3fff::1", "documentation"],
    ["5f00::1", "SRv6"],
    ["fc00::1", "unique local"],
    ["fd00:ec2::254", "unique local (AWS metadata)"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local with a zone"],
    ["febf:ffff::1", "link-local"],
    ["fec0::1", "site-local (deprecated)"],
    ["ff02::1", "multicast"],
    ["4000::1", "outside global unicast"],
  ])("refuses %s (%s)", (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    "2a00:1450:4009:81f::200e",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "2001:200::1",
    "::ffff:8.8.8.8",
    "64:ff9b::8.8.8.8",
  ])("allows the public address %s", (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});

describe("anything else", () => {
  it.each(["", "localhost", "1.2.3", "1.2.3.256", "::g", "[::1]"])(
    "refuses %j, which is not an IP address",
    (text) => {
      expect(isBlockedAddress(text)).toBe(true);
    },
  );
});

describe("ipv6Groups", () => {
  it("expands the short forms", () => {
    expect(ipv6Groups("::")).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(ipv6Groups("fe80::1%eth0")).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups("::ffff:1.2.3.4")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(ipv6Groups("1:2:3:4:5:6:7:8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ipv6Groups("not an address")).toBeNull();
  });
});
