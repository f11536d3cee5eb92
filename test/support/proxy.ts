// A TCP relay between the driver and Neo4j that a test can cut, to make the database
// "go away" at a chosen moment (even in the middle of a transaction).
import { createServer, Socket, type Server } from "node:net";

export interface CuttableProxy {
  uri: string;
  /** drop every connection after `bytes` more bytes reach the server, and refuse new ones */
  cutAfter(bytes: number): void;
  /** drop every connection now, and refuse new ones */
  cutNow(): void;
  /** accept and relay again */
  restore(): void;
  /**
   * From now on, once a client sends bytes holding `marker` on a connection (a string parameter of
   * a query, say), hold everything the server answers on that connection until release(): the
   * query stays in flight for as long as the test wants. Handshakes and other queries pass.
   */
  holdAnswersTo(marker: string): void;
  /** the markers' surroundings: all that clients sent on held connections, as latin1 text */
  sentOnHeld(): string;
  /** pass on what was held, and hold nothing more */
  release(): void;
  close(): Promise<void>;
}

export async function startProxy(targetUri: string): Promise<CuttableProxy> {
  const target = new URL(targetUri);
  const sockets = new Set<Socket>();
  let budget = Infinity;
  let down = false;
  let holdMarker: string | null = null;
  const held = new Map<Socket, { sent: string; answers: Buffer[] }>();

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
    let recent = ""; // the tail of what this client sent, so a marker split across chunks is still seen
    client.on("data", (chunk) => {
      if (down) return;
      budget -= chunk.length;
      if (budget < 0) return cutAll();
      const text = recent + chunk.toString("latin1");
      const holding = held.get(client);
      if (holding) holding.sent += chunk.toString("latin1");
      else if (holdMarker !== null && text.includes(holdMarker)) held.set(client, { sent: text, answers: [] });
      recent = text.slice(-256);
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (down) return;
      const holding = held.get(client);
      if (holding) holding.answers.push(chunk);
      else client.write(chunk);
    });
    const end = () => {
      held.delete(client);
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
    cutNow: cutAll,
    restore() {
      budget = Infinity;
      down = false;
    },
    holdAnswersTo(marker) {
      holdMarker = marker;
    },
    sentOnHeld: () => [...held.values()].map((h) => h.sent).join("\n"),
    release() {
      holdMarker = null;
      for (const [client, { answers }] of held) for (const chunk of answers) if (!client.destroyed) client.write(chunk);
      held.clear();
    },
    close: () =>
      new Promise((done) => {
        cutAll();
        server.close(() => done());
      }),
  };
}
