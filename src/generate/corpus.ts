// The generator's top level: builds the world for a seed (places, firms, programme ranks),
// assigns each report a (jurisdiction, year) slot, and yields reports one by one.
import { loadDivisions } from "./divisions.js";
import { buildFirms, type Firm } from "./firms.js";
import { choosePlaces, type Jurisdiction, type PlaceOptions, type PlacePool } from "./places.js";
import { loadPrograms, ProgramPicker } from "./programs.js";
import { generateReport, type GeneratedReport, type World } from "./report.js";
import { Rng } from "./rng.js";

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2024;

export interface CorpusOptions {
  seed: string;
  /**
   * How many reports will be drawn. When given, the pool options left out grow with it so that
   * no jurisdiction-year is written twice (a place publishes one annual report a year); without
   * it, or with the pool pinned, a larger corpus starts over with fresh text.
   */
  reports?: number;
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

/** The pool of a corpus of up to 10,800 reports: 300 districts with 5 townships each, 200 firms. */
const BASE_POOL = { provinces: 10, districts: 300, townshipsPerDistrict: 5, firms: 200 };
const YEARS = LAST_YEAR - FIRST_YEAR + 1;

/**
 * The base pool, or for more reports than its jurisdiction-years a larger one: every province,
 * more districts, then more townships per district (as far as the division list has them), and
 * firms in proportion to the places, so that a firm's clients stay as many as in a small corpus.
 */
function choosePool(options: CorpusOptions): { pool: PlacePool; firms: number } {
  const divisions = loadDivisions();
  const pick = (o: PlaceOptions) => choosePlaces(divisions, Rng.from(options.seed, "places"), o);
  const given = { provinces: options.provinces, districts: options.districts, townshipsPerDistrict: options.townshipsPerDistrict };
  const base = { ...BASE_POOL, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  let pool = pick(base);
  const pinned = Object.values(given).every((v) => v !== undefined);
  const needed = Math.ceil((options.reports ?? 0) / YEARS);
  if (!pinned && pool.jurisdictions.length < needed) {
    const grown = { ...base, provinces: given.provinces ?? divisions.provinces.length };
    const placesPerDistrict = grown.townshipsPerDistrict + 1;
    grown.districts = given.districts ?? Math.max(base.districts, Math.ceil(needed / placesPerDistrict));
    pool = pick(grown);
    // Districts with fewer townships than asked (or fewer districts than asked) leave the pool short.
    while (pool.jurisdictions.length < needed && given.townshipsPerDistrict === undefined && grown.townshipsPerDistrict < 200) {
      grown.townshipsPerDistrict += 1;
      pool = pick(grown);
    }
  }
  const firms = options.firms ?? Math.max(BASE_POOL.firms, Math.round((BASE_POOL.firms * pool.jurisdictions.length) / 1800));
  return { pool, firms };
}

export function buildCorpus(options: CorpusOptions): Corpus {
  const seed = options.seed;
  const { pool, firms: firmCount } = choosePool(options);
  const { firms, byClient } = buildFirms(pool, Rng.from(seed, "firms"), firmCount);
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
