// Graceful stop of the HTTP server: stop accepting, let requests in flight finish (bounded),
// and tell keep-alive clients not to send more on these connections.
import type { Server, ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";

/** A connection accepted before the stop whose request has not been read yet gets this long to send it. */
const FRESH_CONNECTION_MS = 2000;
/**
 * Connections the kernel has completed but Node has not yet accepted would be reset when the
 * listener closes; it stays open this long (answering with Connection: close) so they are taken in.
 */
const ACCEPT_GRACE_MS = 100;

export interface Drain {
  /** Resolves when every request in flight has been answered, or after `ms` (the rest are cut). */
  drain(ms: number): Promise<{ answered: number; cut: number }>;
}

interface ConnectionState {
  requests: number;
  busy: boolean;
  response?: ServerResponse;
}

export function drainable(http: Server): Drain {
  const connections = new Map<Socket, ConnectionState>();
  let closing = false;
  let answered = 0;
  http.on("connection", (socket: Socket) => {
    connections.set(socket, { requests: 0, busy: false });
    socket.on("close", () => connections.delete(socket));
  });
  http.on("request", (request, response: ServerResponse) => {
    const state = connections.get(request.socket);
    if (state) {
      state.requests++;
      state.busy = true;
      state.response = response;
    }
    if (closing && !response.headersSent) response.setHeader("connection", "close");
    response.on("close", () => {
      if (state) state.busy = false;
      if (closing) answered++;
    });
  });
  const busy = () => [...connections.values()].filter((c) => c.busy).length;
  return {
    async drain(ms) {
      closing = true;
      const started = Date.now();
      for (const { busy, response } of connections.values()) if (busy && response && !response.headersSent) response.setHeader("connection", "close");
      await new Promise((r) => setTimeout(r, ACCEPT_GRACE_MS));
      // Stop listening only: http.Server.close() would also drop connections whose request
      // has arrived but not been read yet, resetting requests the client already sent.
      const closed = new Promise<void>((done) => NetServer.prototype.close.call(http, () => done()));
      for (const [socket, state] of connections) if (state.requests > 0 && !state.busy) socket.destroy(); // idle keep-alive
      const waiting = () =>
        [...connections.values()].some((c) => c.busy || (c.requests === 0 && Date.now() - started < FRESH_CONNECTION_MS));
      while (waiting() && Date.now() - started < ms) await new Promise((r) => setTimeout(r, 20));
      const cut = busy();
      http.closeAllConnections();
      for (const socket of connections.keys()) socket.destroy();
      await closed;
      return { answered, cut };
    },
  };
}
