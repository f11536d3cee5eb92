// text → ReportExtraction: the one entry point of the extractor. Pure: no I/O beyond the
// extractor's own data files, loaded once.
import { createHash } from "node:crypto";
import { prepareText } from "./text.js";
import { readReportMeta } from "./report-meta.js";
import { extractPlaces } from "./places.js";
import { extractPrograms } from "./programs.js";
import { extractLaws } from "./laws.js";
import { extractFirmsAndPeople, personKey } from "./firms.js";
import { extractMetrics } from "./metrics.js";
import type { Entity, Mention, ReportExtraction } from "./types.js";

export type * from "./types.js";

/** Answers "does this span overlap a place's name?" (三门峡市, 五亩乡: a numeral in a name is no figure). */
function placeNameOverlap(places: Entity[]): (span: Mention) => boolean {
  const spans = places.flatMap((p) => p.mentions).sort((a, b) => a.start - b.start);
  const ends: number[] = [];
  for (const m of spans) ends.push(Math.max(m.end, ends[ends.length - 1] ?? 0)); // furthest end so far
  return (span) => {
    // the last place mention that starts before the span ends
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.start < span.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && ends[lo - 1]! > span.start;
  };
}

/** A person no firm claims is known by name and the place whose report names them (not merged across the country). */
function tiedToPlace(entity: Entity, subjectCode: string | null): Entity {
  if (entity.type !== "Person" || entity.org || !subjectCode) return entity;
  return { ...entity, key: personKey(entity.name, subjectCode) };
}

export function extractReport(rawText: string): ReportExtraction {
  const doc = prepareText(rawText);
  const meta = readReportMeta(doc);
  const places = extractPlaces(doc, meta);
  const firms = extractFirmsAndPeople(doc);
  const subjectCode = places.subject?.code ?? null;
  const inPlaceName = placeNameOverlap(places.entities);
  const metrics = extractMetrics(doc)
    .filter((m) => !inPlaceName(m.mention))
    .map((m) => ({ ...m, year: m.year ?? meta.year, subject: subjectCode }));
  return {
    textHash: createHash("sha256").update(doc.text).digest("hex"),
    textLength: doc.text.length,
    report: {
      title: meta.title,
      year: meta.year,
      subject: places.subject,
      subjectName: places.subjectName,
      subjectCandidates: places.subjectCandidates,
      publisher: meta.publisher,
      publishedAt: meta.publishedAt,
    },
    entities: [...places.entities, ...firms.entities.map((e) => tiedToPlace(e, subjectCode)), ...extractPrograms(doc), ...extractLaws(doc)],
    metrics,
    advises: firms.advisers.map((a) => ({ ...a, jurisdiction: subjectCode })),
    sentences: doc.sentences,
  };
}
