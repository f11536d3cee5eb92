// Law firms (…律师事务所, “…”律所) and the lawyers the text names with them.
import type { Entity, Mention } from "./types.js";
import type { ReportText } from "./text.js";

export interface FirmsResult {
  /** LawFirm and Person entities */
  entities: Entity[];
  /** firms the text says the reporting body retains as legal adviser, with the evidence */
  advisers: { firm: string; mention: Mention }[];
}

export function extractFirmsAndPeople(doc: ReportText): FirmsResult {
  void doc;
  return { entities: [], advisers: [] };
}
