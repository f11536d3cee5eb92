// Global object IDs: "Type:key" in base64url, opaque to clients, decodable by node(id).
export const NODE_TYPES = ["Jurisdiction", "Program", "Law", "LawFirm", "Person", "Report", "Metric", "UnlinkedPlace"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export function toGlobalId(type: NodeType, key: string): string {
  return Buffer.from(`${type}:${key}`, "utf8").toString("base64url");
}

export function fromGlobalId(id: string): { type: NodeType; key: string } | null {
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const type = decoded.slice(0, colon) as NodeType;
  const key = decoded.slice(colon + 1);
  return NODE_TYPES.includes(type) && key ? { type, key } : null;
}
