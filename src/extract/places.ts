// Jurisdictions and communities linked to the national division list, and the report's subject.
import type { Entity, ReportMeta } from "./types.js";
import type { ReportText } from "./text.js";
import type { RawReportMeta } from "./report-meta.js";

export interface PlacesResult {
  /** Jurisdiction and Community entities */
  entities: Entity[];
  /** the jurisdiction that wrote the report */
  subject: ReportMeta["subject"];
}

export function extractPlaces(doc: ReportText, meta: RawReportMeta): PlacesResult {
  void doc;
  void meta;
  return { entities: [], subject: null };
}
