// A TCP relay between the driver and Neo4j that a test can cut, to make the database
// "go away" at a chosen moment (even in the middle of a transaction).
import { createServer, Socket, type Server } from "node:net";

export interface CuttableProxy {
  uri: string;
  /** drop every connection after `bytes` more bytes reach the server, and refuse new ones */
  cutAfter(bytes: number): void;
  /** accept and relay again */
  restore(): void;
  /** hold each answer from the server this long before passing it on (0: none) */
  delay(ms: number): void;
  close(): Promise<void>;
}

export async function startProxy(targetUri: string): Promise<CuttableProxy> {
  const target = new URL(targetUri);
  const sockets = new Set<Socket>();
  let budget = Infinity;
  let down = false;
  let delayMs = 0;

  const cutAll = () => {
    down = true;
    for (const s of sockets) s.destroy();
    sockets.clear();
  };

  const server: Server = createServer((client) => {
    if (down) return void client.destroy();
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    upstream.connect(Number(target.port), target.hostname);
    client.on("data", (chunk) => {
      if (down) return;
      budget -= chunk.length;
      if (budget < 0) return cutAll();
      upstream.write(chunk);
    });
    const relay = (chunk: Buffer) => !down && client.write(chunk);
    upstream.on("data", (chunk: Buffer) => (delayMs ? setTimeout(relay, delayMs, chunk) : relay(chunk)));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  return {
    uri: `bolt://127.0.0.1:${port}`,
    cutAfter(bytes) {
      budget = bytes;
    },
    restore() {
      budget = Infinity;
      down = false;
    },
    delay(ms) {
      delayMs = ms;
    },
    close: () =>
      new Promise((done) => {
        cutAll();
        server.close(() => done());
      }),
  };
}
