// Laws, regulations and official documents: 《…》 titles and well-known names written bare.
import type { Entity } from "./types.js";
import type { ReportText } from "./text.js";

export function extractLaws(doc: ReportText): Entity[] {
  void doc;
  return [];
}
