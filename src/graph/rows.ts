// ReportExtraction → the flat rows the writer UNWINDs. Pure, so the mapping is tested without a database.
import type { DivisionLevel, DivisionRef, Entity, EntityType, Mention, ReportExtraction } from "../extract/types.js";

/** How much evidence one MENTIONS relationship keeps: the first few mentions, each sentence clipped. */
export const MAX_EVIDENCE = 5;
export const MAX_EVIDENCE_SENTENCE = 240;

export type EntityLabel = "Jurisdiction" | "Program" | "Law" | "LawFirm" | "Person";

export interface ReportRow {
  id: string;
  source: string | null;
  props: {
    title: string | null;
    year: number | null;
    publishedAt: string | null;
    publisher: string | null;
    subjectCode: string | null;
    subjectName: string | null;
    textLength: number;
  } & RollupCodes;
}

/** The codes of a place's ancestors at each level (itself included): roll-ups without path queries. */
export interface RollupCodes {
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  townshipCode: string | null;
}

export interface JurisdictionRow extends RollupCodes {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

export interface EntityRow {
  key: string;
  name: string;
  aliases: string[];
  category: string | null;
  role: string | null;
}

export interface MentionRow {
  report: string;
  key: string;
  count: number;
  sentences: string[];
  starts: number[];
  ends: number[];
}

export interface MetricRow {
  id: string;
  report: string;
  key: string;
  value: number;
  unit: string;
  qualifier: string;
  year: number | null;
  subject: string | null;
  sentence: string;
  start: number;
  end: number;
}

export interface GraphRows {
  reports: ReportRow[];
  jurisdictions: JurisdictionRow[];
  /** non-place entities by label */
  entities: Record<Exclude<EntityLabel, "Jurisdiction">, EntityRow[]>;
  mentions: Record<EntityLabel, MentionRow[]>;
  about: { report: string; code: string }[];
  metrics: MetricRow[];
  advises: { report: string; firm: string; code: string; year: number | null }[];
  worksAt: { person: string; firm: string }[];
}

const LABEL_OF: Record<EntityType, EntityLabel | null> = {
  Jurisdiction: "Jurisdiction",
  Community: "Jurisdiction",
  Program: "Program",
  Law: "Law",
  LawFirm: "LawFirm",
  Person: "Person",
};

const LEVEL_ROLLUP: Partial<Record<DivisionLevel, keyof RollupCodes>> = {
  PROVINCE: "provinceCode",
  CITY: "cityCode",
  DISTRICT: "districtCode",
  TOWNSHIP: "townshipCode",
};

function rollup(chain: DivisionRef[]): RollupCodes {
  const codes: RollupCodes = { provinceCode: null, cityCode: null, districtCode: null, townshipCode: null };
  for (const place of chain) {
    const field = LEVEL_ROLLUP[place.level];
    if (field) codes[field] = place.code;
  }
  return codes;
}

export function emptyRows(): GraphRows {
  return {
    reports: [],
    jurisdictions: [],
    entities: { Program: [], Law: [], LawFirm: [], Person: [] },
    mentions: { Jurisdiction: [], Program: [], Law: [], LawFirm: [], Person: [] },
    about: [],
    metrics: [],
    advises: [],
    worksAt: [],
  };
}

function evidence(x: ReportExtraction, mentions: Mention[]): Pick<MentionRow, "sentences" | "starts" | "ends"> {
  const kept = mentions.slice(0, MAX_EVIDENCE);
  return {
    sentences: kept.map((m) => (x.sentences[m.sentence]?.text ?? m.surface).slice(0, MAX_EVIDENCE_SENTENCE)),
    starts: kept.map((m) => m.start),
    ends: kept.map((m) => m.end),
  };
}

/** Adds one report's rows. Places become Jurisdiction rows with their whole ancestor chain. */
export function addReportRows(rows: GraphRows, x: ReportExtraction, source: string | null): void {
  const id = x.textHash;
  const places = new Map(rows.jurisdictions.map((j) => [j.code, j]));
  const addPlace = (chain: DivisionRef[]) => {
    chain.forEach((place, i) => {
      if (places.has(place.code)) return;
      const row: JurisdictionRow = {
        code: place.code,
        name: place.name,
        level: place.level,
        parentCode: i > 0 ? chain[i - 1]!.code : null,
        ...rollup(chain.slice(0, i + 1)),
      };
      places.set(place.code, row);
      rows.jurisdictions.push(row);
    });
  };

  const placeChains = new Map<string, DivisionRef[]>();
  for (const e of x.entities) {
    if (LABEL_OF[e.type] !== "Jurisdiction" || !e.code || !e.level) continue;
    const chain = [...(e.ancestors ?? []), { code: e.code, name: e.name, level: e.level }];
    placeChains.set(e.code, chain);
    addPlace(chain);
  }

  const subject = x.report.subject;
  const subjectChain = subject?.code ? placeChains.get(subject.code) : undefined;
  rows.reports.push({
    id,
    source,
    props: {
      title: x.report.title,
      year: x.report.year,
      publishedAt: x.report.publishedAt,
      publisher: x.report.publisher,
      subjectCode: subject?.code ?? null,
      subjectName: subject?.name ?? null,
      textLength: x.textLength,
      ...rollup(subjectChain ?? []),
    },
  });
  if (subject?.code && subjectChain) rows.about.push({ report: id, code: subject.code });

  const firmKeyByName = new Map<string, string>();
  for (const e of x.entities) {
    const label = LABEL_OF[e.type];
    if (!label) continue;
    if (label === "Jurisdiction") {
      if (!e.code || !placeChains.has(e.code)) continue; // unlinked names stay in the extraction only
      rows.mentions.Jurisdiction.push({ report: id, key: e.code, count: e.mentions.length, ...evidence(x, e.mentions) });
      continue;
    }
    rows.entities[label].push(entityRow(e));
    rows.mentions[label].push({ report: id, key: e.key, count: e.mentions.length, ...evidence(x, e.mentions) });
    if (label === "LawFirm") firmKeyByName.set(e.name, e.key);
  }
  for (const e of x.entities) {
    if (e.type !== "Person" || !e.org) continue;
    const firm = firmKeyByName.get(e.org);
    if (firm) rows.worksAt.push({ person: e.key, firm });
  }

  x.metrics.forEach((m, i) => {
    rows.metrics.push({
      id: `${id}:${i}`,
      report: id,
      key: m.name,
      value: m.value,
      unit: m.unit,
      qualifier: m.qualifier,
      year: m.year,
      subject: m.subject && places.has(m.subject) ? m.subject : null,
      sentence: (x.sentences[m.mention.sentence]?.text ?? m.mention.surface).slice(0, MAX_EVIDENCE_SENTENCE),
      start: m.mention.start,
      end: m.mention.end,
    });
  });

  for (const a of x.advises) {
    if (a.jurisdiction && places.has(a.jurisdiction)) {
      rows.advises.push({ report: id, firm: a.firm, code: a.jurisdiction, year: x.report.year });
    }
  }
}

function entityRow(e: Entity): EntityRow {
  return { key: e.key, name: e.name, aliases: e.aliases ?? [], category: e.category ?? null, role: e.role ?? null };
}
