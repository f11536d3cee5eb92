// The generator's top level: builds the world for a seed (places, firms, programme ranks),
// assigns each report a (jurisdiction, year) slot, and yields reports one by one.
import { loadDivisions } from "./divisions.js";
import { buildFirms, type Firm } from "./firms.js";
import { choosePlaces, type Jurisdiction, type PlacePool } from "./places.js";
import { loadPrograms, ProgramPicker } from "./programs.js";
import { generateReport, type GeneratedReport, type World } from "./report.js";
import { Rng } from "./rng.js";

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2024;

export interface CorpusOptions {
  seed: string;
  provinces?: number;
  districts?: number;
  townshipsPerDistrict?: number;
  firms?: number;
  /** programme lexicon; defaults to data/programs.json (built-in list when absent) */
  programsFile?: URL | string;
}

export interface Corpus {
  pool: PlacePool;
  firms: Firm[];
  programSource: string;
  /** (jurisdiction, year) pairs in the order reports use them */
  slots: { subject: Jurisdiction; year: number }[];
  world: World;
  seed: string;
}

export function buildCorpus(options: CorpusOptions): Corpus {
  const seed = options.seed;
  const pool = choosePlaces(loadDivisions(), Rng.from(seed, "places"), {
    provinces: options.provinces ?? 10,
    districts: options.districts ?? 300,
    townshipsPerDistrict: options.townshipsPerDistrict ?? 5,
  });
  const { firms, byClient } = buildFirms(pool, Rng.from(seed, "firms"), options.firms ?? 200);
  const firmsByCity = new Map<string, Firm[]>();
  for (const f of firms) firmsByCity.set(f.cityCode, [...(firmsByCity.get(f.cityCode) ?? []), f]);
  const { programs, source } = loadPrograms(options.programsFile);
  const picker = new ProgramPicker(programs, Rng.from(seed, "programs"));

  // Every jurisdiction-year once, in a seed-chosen order: the first N reports cover N
  // different jurisdiction-years, and a larger N starts over with fresh text.
  const slots: Corpus["slots"] = [];
  for (const subject of pool.jurisdictions) {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) slots.push({ subject, year });
  }
  Rng.from(seed, "slots").shuffle(slots);

  return { pool, firms, programSource: source, slots, world: { programs: picker, firmsByClient: byClient, firmsByCity }, seed };
}

export interface NamedReport extends GeneratedReport {
  /** 000001-430103-2022.txt */
  fileName: string;
}

/** Report number `index` (0-based); depends only on the corpus and the index. */
export function reportAt(corpus: Corpus, index: number, width = 6): NamedReport {
  const { subject, year } = corpus.slots[index % corpus.slots.length]!;
  const report = generateReport(corpus.world, subject, year, Rng.from(corpus.seed, "report", index));
  const number = String(index + 1).padStart(width, "0");
  return { ...report, fileName: `${number}-${subject.code}-${year}.txt` };
}

export function* generateCorpus(corpus: Corpus, count: number): Generator<NamedReport> {
  const width = Math.max(6, String(count).length);
  for (let i = 0; i < count; i++) yield reportAt(corpus, i, width);
}
