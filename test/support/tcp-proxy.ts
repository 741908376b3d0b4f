import net from "node:net";

/**
 * A TCP proxy on loopback between Haven and PostgreSQL, for faults a real network has: `reset()` ends
 * every connection with a RST and refuses new ones at once; `blackHole()` stops passing bytes and
 * leaves every connection open and silent (a server that is unreachable but not refusing); `heal()`
 * passes traffic again.
 */
export type TcpProxy = {
  port: number;
  reset(): void;
  blackHole(): void;
  heal(): void;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: "open" | "reset" | "black-hole" = "open";
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const held = new Set<net.Socket>();
  const server = net.createServer((client) => {
    client.on("error", () => {});
    if (mode === "reset") return client.resetAndDestroy();
    if (mode === "black-hole") {
      held.add(client);
      client.on("close", () => held.delete(client));
      return;
    }
    const upstream = net.connect(target.port, target.host);
    upstream.on("error", () => client.destroy());
    const pair = { client, upstream };
    pairs.add(pair);
    const forget = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("close", forget);
    upstream.on("close", forget);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const reset = () => {
    mode = "reset";
    for (const { client, upstream } of pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
  };
  return {
    port,
    reset,
    blackHole() {
      mode = "black-hole";
      for (const { client, upstream } of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    heal() {
      // Connections held silent stay broken, as after a real outage; new ones pass again.
      mode = "open";
      for (const socket of held) socket.destroy();
      for (const { client, upstream } of pairs) {
        if (!client.isPaused()) continue;
        client.resetAndDestroy();
        upstream.destroy();
      }
    },
    async close() {
      reset();
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
