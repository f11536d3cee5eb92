// ReportExtraction → the rows the writer UNWINDs. Pure, so the mapping is tested without a database.
//
// Rows are grouped for the database, not per report: each entity (and each place) appears once
// per batch, carrying the mentions of every report in the batch, so one statement per label both
// merges the entity and links it, and a programme named by 200 reports is merged once, not 200 times.
import type { DivisionLevel, DivisionRef, Entity, EntityType, Mention, ReportExtraction } from "../extract/types.js";

/** How much evidence one MENTIONS relationship keeps: the first few mentions, each sentence clipped. */
export const MAX_EVIDENCE = 5;
export const MAX_EVIDENCE_SENTENCE = 240;

export type EntityLabel = "Jurisdiction" | "Program" | "Law" | "LawFirm" | "Person";
export type NamedLabel = Exclude<EntityLabel, "Jurisdiction">;
export const NAMED_LABELS: readonly NamedLabel[] = ["Program", "Law", "LawFirm", "Person"];

/** The codes of a place's ancestors at each level (itself included): roll-ups without path queries. */
export interface RollupCodes {
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  townshipCode: string | null;
}

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

/** One report's mention of an entity, with bounded evidence. */
export interface MentionRow {
  report: string;
  count: number;
  sentences: string[];
  starts: number[];
  ends: number[];
}

export interface JurisdictionRow extends RollupCodes {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
  mentions: MentionRow[];
}

export interface EntityRow {
  key: string;
  name: string;
  aliases: string[];
  category: string | null;
  role: string | null;
  mentions: MentionRow[];
}

export interface MetricRow {
  id: string;
  key: string;
  value: number;
  unit: string;
  /** the value in baseUnit (万/亿 multiplied out), what figures are compared and summed by */
  baseValue: number;
  baseUnit: string;
  /** data/metric-kinds.json id, or null */
  kind: string | null;
  qualifier: string;
  year: number | null;
  subject: string | null;
  sentence: string;
  start: number;
  end: number;
}

/** A report's own facts that are not shared entities. */
export interface ReportFactsRow {
  id: string;
  subject: string | null;
  metrics: MetricRow[];
  advises: { firm: string; code: string; year: number | null }[];
}

/** A place name with no division code (see GraphBatch.addUnlinkedPlaces). */
export interface UnlinkedPlaceRow {
  key: string;
  name: string;
  /** Jurisdiction or Community, as the extractor read it */
  kind: string;
  level: DivisionLevel | null;
  /** code of the linked subject of the report that names it, or null */
  within: string | null;
  /** division codes the name could stand for */
  candidates: string[];
  mentions: MentionRow[];
}

const LABEL_OF: Record<EntityType, EntityLabel> = {
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

function evidence(x: ReportExtraction, id: string, mentions: Mention[]): MentionRow {
  const kept = mentions.slice(0, MAX_EVIDENCE);
  return {
    report: id,
    count: mentions.length,
    sentences: kept.map((m) => (x.sentences[m.sentence]?.text ?? m.surface).slice(0, MAX_EVIDENCE_SENTENCE)),
    starts: kept.map((m) => m.start),
    ends: kept.map((m) => m.end),
  };
}

/** One ADVISES per firm and place in a report, so that the writer can CREATE them (a new report has none yet). */
function adviceOnce(advice: ReportFactsRow["advises"]): ReportFactsRow["advises"] {
  const seen = new Set<string>();
  return advice.filter((a) => {
    const key = `${a.firm}\u0000${a.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const sortedBy = <T>(rows: Iterable<T>, key: (row: T) => string) =>
  [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** The rows of a batch of reports. Lists come out sorted by key, so that concurrent
 * transactions take their locks in one order (which keeps deadlocks rare). */
export class GraphBatch {
  private readonly reportRows = new Map<string, ReportRow>();
  private readonly places = new Map<string, JurisdictionRow>();
  private readonly named: Record<NamedLabel, Map<string, EntityRow>> = {
    Program: new Map(),
    Law: new Map(),
    LawFirm: new Map(),
    Person: new Map(),
  };
  private readonly facts: ReportFactsRow[] = [];
  private readonly worksAtRows = new Map<string, { person: string; firm: string }>();
  private readonly unlinkedRows = new Map<string, UnlinkedPlaceRow>();

  /** Adds a report; the same text twice is one report. */
  add(x: ReportExtraction, source: string | null): void {
    const id = x.textHash;
    if (this.reportRows.has(id)) return;
    const chains = new Map<string, DivisionRef[]>();
    for (const e of x.entities) {
      if (LABEL_OF[e.type] !== "Jurisdiction" || !e.code || !e.level) continue; // unlinked names stay in the extraction
      const chain = [...(e.ancestors ?? []), { code: e.code, name: e.name, level: e.level }];
      chains.set(e.code, chain);
      this.addPlace(chain);
      this.places.get(e.code)!.mentions.push(evidence(x, id, e.mentions));
    }

    const subject = x.report.subject;
    const subjectChain = subject?.code ? chains.get(subject.code) : undefined;
    this.addUnlinkedPlaces(x, id, subjectChain ? subject!.code : null);
    this.reportRows.set(id, {
      id,
      source,
      props: {
        title: x.report.title,
        year: x.report.year,
        publishedAt: x.report.publishedAt,
        publisher: x.report.publisher,
        subjectCode: subject?.code ?? null,
        // the name as written is kept when the place could not be linked
        subjectName: subject?.name ?? x.report.subjectName ?? null,
        textLength: x.textLength,
        ...rollup(subjectChain ?? []),
      },
    });

    const firmKeyByName = new Map<string, string>();
    for (const e of x.entities) {
      const label = LABEL_OF[e.type];
      if (label === "Jurisdiction") continue;
      this.addNamed(label, e).mentions.push(evidence(x, id, e.mentions));
      if (label === "LawFirm") firmKeyByName.set(e.name, e.key);
    }
    for (const e of x.entities) {
      const firm = e.type === "Person" && e.org ? firmKeyByName.get(e.org) : undefined;
      if (firm) this.worksAtRows.set(`${e.key}\u0000${firm}`, { person: e.key, firm });
    }

    const known = (code: string | null) => (code && chains.has(code) ? code : null);
    this.facts.push({
      id,
      subject: subjectChain ? subject!.code : null,
      metrics: x.metrics.map((m, i) => ({
        id: `${id}:${i}`,
        key: m.name,
        value: m.value,
        unit: m.unit,
        baseValue: m.baseValue,
        baseUnit: m.baseUnit,
        kind: m.kind,
        qualifier: m.qualifier,
        year: m.year,
        subject: known(m.subject),
        sentence: (x.sentences[m.mention.sentence]?.text ?? m.mention.surface).slice(0, MAX_EVIDENCE_SENTENCE),
        start: m.mention.start,
        end: m.mention.end,
      })),
      advises: adviceOnce(x.advises.flatMap((a) => {
        const code = known(a.jurisdiction);
        return code ? [{ firm: a.firm, code, year: x.report.year }] : [];
      })),
    });
  }

  private addPlace(chain: DivisionRef[]): void {
    chain.forEach((place, i) => {
      if (this.places.has(place.code)) return;
      this.places.set(place.code, {
        code: place.code,
        name: place.name,
        level: place.level,
        parentCode: i > 0 ? chain[i - 1]!.code : null,
        ...rollup(chain.slice(0, i + 1)),
        mentions: [],
      });
    });
  }

  private addNamed(label: NamedLabel, e: Entity): EntityRow {
    const rows = this.named[label];
    let row = rows.get(e.key);
    if (!row) {
      row = { key: e.key, name: e.name, aliases: [], category: e.category ?? null, role: e.role ?? null, mentions: [] };
      rows.set(e.key, row);
    }
    for (const alias of e.aliases ?? []) if (!row.aliases.includes(alias)) row.aliases.push(alias);
    return row;
  }

  get reportIds(): string[] {
    return [...this.reportRows.keys()];
  }

  reports(): ReportRow[] {
    return sortedBy(this.reportRows.values(), (r) => r.id);
  }

  jurisdictions(): JurisdictionRow[] {
    return sortedBy(this.places.values(), (j) => j.code);
  }

  entities(label: NamedLabel): EntityRow[] {
    return sortedBy(this.named[label].values(), (e) => e.key);
  }

  reportFacts(): ReportFactsRow[] {
    return sortedBy(this.facts, (f) => f.id);
  }

  /**
   * Place names the extractor could not link to a code. One node per name within the place whose
   * report names it (or within that report, when its place is unknown): a 新华社区 of one district
   * is not the 新华社区 of another, and never the coded place of the same name.
   */
  private addUnlinkedPlaces(x: ReportExtraction, id: string, within: string | null): void {
    for (const e of x.entities) {
      if (LABEL_OF[e.type] !== "Jurisdiction" || e.code) continue;
      const key = `${e.name}@${within ?? "report:" + id}`;
      let row = this.unlinkedRows.get(key);
      if (!row) {
        row = { key, name: e.name, kind: e.type, level: e.level ?? null, within, candidates: e.candidates ?? [], mentions: [] };
        this.unlinkedRows.set(key, row);
      }
      row.mentions.push(evidence(x, id, e.mentions));
    }
  }

  unlinkedPlaces(): UnlinkedPlaceRow[] {
    return sortedBy(this.unlinkedRows.values(), (u) => u.key);
  }

  worksAt(): { person: string; firm: string }[] {
    return sortedBy(this.worksAtRows.values(), (w) => `${w.person}\u0000${w.firm}`);
  }
}
