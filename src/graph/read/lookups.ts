// A lookup and the nested lists a query asks of it, in one statement: the place, programme or
// firm, and beside it each list as a COLLECT subquery (the same ones the batched readers send),
// so that answering `jurisdiction { parent programs lawFirms }` is one round trip, not four.
import type { Database } from "../driver.js";
import { ADVICE_GIVEN_BY, FIRM_FIELDS, lawFirmNamed, LAWYERS_OF, type FirmAdviceRecord } from "./firms.js";
import { toPage, type Fragment } from "./keyset.js";
import { ADVISERS_OF, ANCESTORS_OF, JURISDICTION_FIELDS, type AdviceRecord } from "./places.js";
import { PROGRAM_FIELDS, programNamed, reportsMentioningPage } from "./programs.js";
import type { JurisdictionRecord, LawFirmRecord, Page, PageWindow, PersonRecord, ProgramRecord, ReportRecord, SortKey } from "./records.js";
import { placesOfProgramPage, programsWithinPage, type PlaceFilter, type ProgramPlaceRecord } from "./rollups.js";
import { readOne } from "./run.js";

type Rows<T> = { item: T; key: SortKey }[];

/** Fragments as one Cypher list, their parameters merged (each fragment names its own). */
function listOf(fragments: Fragment[]): Fragment {
  return { cypher: `[${fragments.map((f) => f.cypher).join(", ")}]`, params: Object.assign({}, ...fragments.map((f) => f.params)) };
}

export interface JurisdictionWants {
  /** from the province down to the parent (parent and ancestors) */
  ancestors: boolean;
  /** the firms advising it (lawFirms): at most this many, or null when not asked for */
  advisers: number | null;
  /** pages of its programmes, one per selection of `programs` */
  programs: PageWindow[];
}

export interface JurisdictionWith {
  place: JurisdictionRecord;
  ancestors: JurisdictionRecord[] | null;
  advisers: AdviceRecord[] | null;
  programs: Page<ProgramRecord & { reports: number }>[];
}

export async function jurisdictionWith(db: Database, code: string, wants: JurisdictionWants): Promise<JurisdictionWith | null> {
  const programs = listOf(wants.programs.map((window, i) => programsWithinPage("j.code", window, `programs${i}_`)));
  const row = await readOne<{ place: JurisdictionRecord; ancestors: JurisdictionRecord[] | null; advisers: AdviceRecord[] | null; programs: Rows<ProgramRecord & { reports: number }>[] }>(
    db,
    `MATCH (j:Jurisdiction {code: $code})
     RETURN j {${JURISDICTION_FIELDS}} AS place,
            ${wants.ancestors ? ANCESTORS_OF : "null"} AS ancestors,
            ${wants.advisers !== null ? ADVISERS_OF : "null"} AS advisers,
            ${programs.cypher} AS programs`,
    { code, advisersLimit: wants.advisers, ...programs.params },
  );
  if (!row) return null;
  return { ...row, programs: row.programs.map((rows, i) => toPage(rows, wants.programs[i]!)) };
}

export interface ProgramWants {
  /** pages of `jurisdictions`, one per selection */
  places: { filter: PlaceFilter; window: PageWindow }[];
  /** pages of `reports`, one per selection */
  reports: { year: number | null; window: PageWindow }[];
}

export interface ProgramWith {
  program: ProgramRecord;
  places: Page<ProgramPlaceRecord>[];
  reports: Page<ReportRecord>[];
}

/** A programme by key, name or alias (as programByName), with the pages asked for. */
export async function programWith(db: Database, name: string, wants: ProgramWants): Promise<ProgramWith | null> {
  const named = programNamed(name);
  const places = listOf(wants.places.map(({ filter, window }, i) => placesOfProgramPage("p.key", filter, window, `places${i}_`)));
  const reports = listOf(wants.reports.map(({ year, window }, i) => reportsMentioningPage("p", year, window, `reports${i}_`)));
  const row = await readOne<{ program: ProgramRecord; places: Rows<ProgramPlaceRecord>[]; reports: Rows<ReportRecord>[] }>(
    db,
    `${named.cypher}
     RETURN p {${PROGRAM_FIELDS}} AS program, ${places.cypher} AS places, ${reports.cypher} AS reports`,
    { ...named.params, ...places.params, ...reports.params },
  );
  if (!row) return null;
  return {
    program: row.program,
    places: row.places.map((rows, i) => toPage(rows, wants.places[i]!.window)),
    reports: row.reports.map((rows, i) => toPage(rows, wants.reports[i]!.window)),
  };
}

export interface LawFirmWants {
  /** the places it advises: at most this many, or null when not asked for */
  advice: number | null;
  lawyers: boolean;
}

export interface LawFirmWith {
  firm: LawFirmRecord;
  advice: FirmAdviceRecord[] | null;
  lawyers: PersonRecord[] | null;
}

/** A firm by name (as lawFirmByName), with the places it advises and its lawyers when asked for. */
export async function lawFirmWith(db: Database, name: string, wants: LawFirmWants): Promise<LawFirmWith | null> {
  const named = lawFirmNamed(name);
  return readOne<LawFirmWith>(
    db,
    `${named.cypher}
     RETURN f {${FIRM_FIELDS}} AS firm, ${wants.advice !== null ? ADVICE_GIVEN_BY : "null"} AS advice, ${wants.lawyers ? LAWYERS_OF : "null"} AS lawyers`,
    { ...named.params, adviceLimit: wants.advice },
  );
}
