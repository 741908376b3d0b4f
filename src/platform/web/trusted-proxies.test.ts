import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { trustedProxies } from "./trusted-proxies.ts";

/** The address Haven sees for a request through a proxy at 10.0.0.2, with a forged left-most entry. */
async function seenAddress(setting: string): Promise<string> {
  const app = Fastify({ trustProxy: trustedProxies(loadConfig({ HAVEN_TRUST_PROXY: setting }).trustProxy) });
  app.get("/", async (request) => request.ip);
  const response = await app.inject({
    url: "/",
    remoteAddress: "10.0.0.2",
    headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.9" },
  });
  await app.close();
  return response.body;
}

describe("HAVEN_TRUST_PROXY", () => {
  it("off: the connection's own address", async () => {
    expect(await seenAddress("0")).toBe("10.0.0.2");
  });

  it("1 or true: one hop, the address the proxy saw, never the forged left-most one", async () => {
    expect(await seenAddress("1")).toBe("203.0.113.9");
    expect(await seenAddress("true")).toBe("203.0.113.9");
  });

  it("a hop count: that many proxies in front of Haven", async () => {
    expect(await seenAddress("2")).toBe("6.6.6.6");
  });

  it("a list of networks: only those proxies are believed", async () => {
    expect(await seenAddress("10.0.0.0/8")).toBe("203.0.113.9");
    expect(await seenAddress("192.168.0.0/16, ::1")).toBe("10.0.0.2");
  });

  it("refuses what is neither, naming the variable", () => {
    expect(() => loadConfig({ HAVEN_TRUST_PROXY: "maybe" })).toThrow(/HAVEN_TRUST_PROXY: expected 0 or 1/);
    expect(() => loadConfig({ HAVEN_TRUST_PROXY: "10.0.0.0/99" })).toThrow(/HAVEN_TRUST_PROXY/);
  });
});
