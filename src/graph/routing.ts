// The routing table Neo4j gives drivers for the database: which servers take writes, reads and
// routing requests. On a single server all three are that server; on a cluster, the leader
// writes and followers or read replicas read.
import type { Database } from "./driver.js";

export interface RoutingTable {
  /** seconds the driver may keep this table */
  ttl: number;
  writers: string[];
  readers: string[];
  routers: string[];
}

export async function routingTable(db: Database): Promise<RoutingTable> {
  const { records } = await db.driver.executeQuery(
    "CALL dbms.routing.getRoutingTable({}, $database) YIELD ttl, servers RETURN ttl, servers",
    { database: db.database },
    { database: db.database, routing: "READ" },
  );
  const servers = (records[0]?.get("servers") ?? []) as { role: string; addresses: string[] }[];
  const role = (name: string) => servers.filter((s) => s.role === name).flatMap((s) => s.addresses);
  return { ttl: Number(records[0]?.get("ttl") ?? 0), writers: role("WRITE"), readers: role("READ"), routers: role("ROUTE") };
}
