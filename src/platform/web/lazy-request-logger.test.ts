import { describe, expect, it, vi } from "vitest";
import { capturingLogger } from "../../../test/support/log-capture.ts";
import { lazyRequestLogger } from "./lazy-request-logger.ts";

describe("a request's logger made only when it writes", () => {
  it("writes the same line as pino's child would, with the request's id", () => {
    const logs = capturingLogger();
    const log = lazyRequestLogger.call(
      null as never,
      logs.logger,
      { reqId: "req-7" },
      {},
      undefined as never,
    );
    log.info({ route: "/articles/:slug", status: 200 }, "request");
    const line = JSON.parse(logs.text());
    expect(line).toMatchObject({
      level: 30,
      reqId: "req-7",
      route: "/articles/:slug",
      status: 200,
      msg: "request",
    });
  });

  it("makes no child for a line below the level, and none at all for a request that writes nothing", () => {
    const logs = capturingLogger();
    const child = vi.spyOn(logs.logger, "child");
    const log = lazyRequestLogger.call(
      null as never,
      logs.logger,
      { reqId: "req-8" },
      {},
      undefined as never,
    );
    log.debug({ route: "/" }, "request");
    expect(child).not.toHaveBeenCalled();
    expect(logs.text()).toBe("");
    expect(log.level).toBe("info");
    log.warn("slow");
    expect(child).toHaveBeenCalledTimes(1);
    log.error("worse");
    expect(child).toHaveBeenCalledTimes(1);
    expect(logs.text().split("\n").filter(Boolean)).toHaveLength(2);
  });

  it("says whether a level could be written, without making a child", () => {
    const logs = capturingLogger();
    const child = vi.spyOn(logs.logger, "child");
    const log = lazyRequestLogger.call(
      null as never,
      logs.logger,
      { reqId: "req-10" },
      {},
      undefined as never,
    ) as unknown as { isLevelEnabled: (level: string) => boolean };
    expect(log.isLevelEnabled("debug")).toBe(false);
    expect(log.isLevelEnabled("info")).toBe(true);
    expect(child).not.toHaveBeenCalled();
    const ownLevel = lazyRequestLogger.call(
      null as never,
      logs.logger,
      { reqId: "req-11" },
      { level: "debug" },
      undefined as never,
    ) as unknown as { isLevelEnabled: (level: string) => boolean };
    expect(ownLevel.isLevelEnabled("debug")).toBe(true);
  });

  it("asks the child when the route has its own level", () => {
    const logs = capturingLogger();
    const log = lazyRequestLogger.call(
      null as never,
      logs.logger,
      { reqId: "req-9" },
      { level: "debug" },
      undefined as never,
    );
    log.debug("detail");
    expect(JSON.parse(logs.text())).toMatchObject({ level: 20, reqId: "req-9", msg: "detail" });
  });
});
