// Bolt sockets without Nagle's algorithm. neo4j-driver 6 opens them with net.connect or
// tls.connect and sets only keep-alive; with Nagle on, a statement's messages can sit in the
// socket until Neo4j's delayed ACK (40 ms on Linux): a programme lookup took 5 ms and 50 ms in
// turn. The driver has no socket option, so these two functions are wrapped, once, to set
// TCP_NODELAY on what they open (Node's own HTTP client sets it by default).
import net from "node:net";
import tls from "node:tls";

let wrapped = false;

export function disableNagle(): void {
  if (wrapped) return;
  wrapped = true;
  const plain = net.connect;
  net.connect = function (this: unknown, ...args: unknown[]) {
    return (plain as (...a: unknown[]) => net.Socket).apply(this, args).setNoDelay(true);
  } as typeof net.connect;
  const secure = tls.connect;
  tls.connect = function (this: unknown, ...args: unknown[]) {
    const socket = (secure as (...a: unknown[]) => tls.TLSSocket).apply(this, args);
    socket.setNoDelay(true);
    return socket;
  } as typeof tls.connect;
}
