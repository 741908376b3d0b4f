import { describe, expect, it, vi } from "vitest";
import { checkFeedAddress, type ResolveHost } from "./feed-address-guard.ts";
import { calendarFeedMessages as messages } from "./messages.ts";

const publicOnly: ResolveHost = async () => ["142.250.180.14", "2a00:1450:4009:81f::200e"];
const refused = (reason: string) => ({ ok: false, reason });

describe("addresses Haven accepts", () => {
  it("accepts an https address whose host resolves only to public addresses", async () => {
    const result = await checkFeedAddress(
      "https://calendar.google.com/calendar/ical/abc%40group.calendar.google.com/private-123/basic.ics",
      publicOnly,
    );
    expect(result).toEqual({
      ok: true,
      url: new URL(
        "https://calendar.google.com/calendar/ical/abc%40group.calendar.google.com/private-123/basic.ics",
      ),
      addresses: ["142.250.180.14", "2a00:1450:4009:81f::200e"],
    });
  });

  it("accepts plain http", async () => {
    expect(
      (await checkFeedAddress("http://outlook.example/owa/calendar/x/calendar.ics", publicOnly)).ok,
    ).toBe(true);
  });

  it.each([
    ["webcal://p01-caldav.icloud.com/published/2/MTIz", "https://p01-caldav.icloud.com/published/2/MTIz"],
    ["WEBCAL://P01-CalDAV.icloud.com/published/2/MTIz", "https://p01-caldav.icloud.com/published/2/MTIz"],
    ["webcals://p01-caldav.icloud.com/published/2/MTIz", "https://p01-caldav.icloud.com/published/2/MTIz"],
    ["  https://example.com/a.ics  ", "https://example.com/a.ics"],
  ])("reads %j as %s", async (input, expected) => {
    const result = await checkFeedAddress(input, publicOnly);
    expect(result.ok && result.url.href).toBe(expected);
  });
});

describe("addresses Haven refuses", () => {
  it.each([
    "ftp://example.com/cal.ics",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:text/calendar,BEGIN",
  ])("refuses the scheme of %s", async (input) => {
    expect(await checkFeedAddress(input, publicOnly)).toEqual(refused(messages.unsupportedScheme));
  });

  it.each([
    "https://user:secret@example.com/cal.ics",
    "https://user@example.com/cal.ics",
    "webcal://:pw@example.com/",
  ])("refuses credentials in %s", async (input) => {
    expect(await checkFeedAddress(input, publicOnly)).toEqual(refused(messages.credentialsInAddress));
  });

  it.each([
    "calendar.google.com/calendar/ical/x/basic.ics",
    "",
    "https://",
    "https://:443/cal.ics",
    "a calendar",
  ])("refuses %j, which is not a whole address", async (input) => {
    expect((await checkFeedAddress(input, publicOnly)).ok).toBe(false);
  });

  it.each([
    "http://127.0.0.1/",
    "http://2130706433/", // decimal
    "http://0x7f.1/", // hex and short form
    "http://017700000001/", // octal
    "http://127.1/",
    "http://0/",
    "webcal://2130706433/cal.ics", // re-read as https, so normalised too
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[64:ff9b::a00:1]/",
    "http://[fe80::1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.1.2.3:8080/cal.ics",
    "https://192.168.1.1/",
  ])("refuses the literal address %s without asking DNS", async (input) => {
    const resolve = vi.fn(publicOnly);
    expect(await checkFeedAddress(input, resolve)).toEqual(refused(messages.privateNetwork));
    expect(resolve).not.toHaveBeenCalled();
  });

  it("refuses a name that resolves to a private address", async () => {
    expect(await checkFeedAddress("https://intranet.example/cal.ics", async () => ["10.0.0.5"])).toEqual(
      refused(messages.privateNetwork),
    );
  });

  it("refuses a name when any one of its addresses is private", async () => {
    const mixed: ResolveHost = async () => [
      "142.250.180.14",
      "::ffff:192.168.0.1",
      "2a00:1450:4009:81f::200e",
    ];
    expect(await checkFeedAddress("https://mixed.example/cal.ics", mixed)).toEqual(
      refused(messages.privateNetwork),
    );
  });

  it("refuses a name that does not resolve, or resolves to nothing", async () => {
    const fails: ResolveHost = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    expect(await checkFeedAddress("https://nowhere.example/", fails)).toEqual(refused(messages.hostNotFound));
    expect(await checkFeedAddress("https://nowhere.example/", async () => [])).toEqual(
      refused(messages.hostNotFound),
    );
  });

  it("refuses localhost through the real resolver", async () => {
    expect(await checkFeedAddress("http://localhost:3000/cal.ics")).toEqual(refused(messages.privateNetwork));
  });
});

describe("the test-only override", () => {
  it("lets exactly the addresses it names through, and nothing else", async () => {
    const onlyLoopback = { testOnlyAllowAddress: (address: string) => address === "127.0.0.1" };
    expect((await checkFeedAddress("http://127.0.0.1:8080/", undefined, onlyLoopback)).ok).toBe(true);
    expect(await checkFeedAddress("http://10.0.0.1/", undefined, onlyLoopback)).toEqual(
      refused(messages.privateNetwork),
    );
    const both: ResolveHost = async () => ["127.0.0.1", "10.0.0.1"];
    expect(await checkFeedAddress("http://two.example/", both, onlyLoopback)).toEqual(
      refused(messages.privateNetwork),
    );
  });
});
