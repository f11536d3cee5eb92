// Programmes for the generator: the project's lexicon (data/programs.json) when it is there
// and parses, otherwise the built-in list. Reports draw them from a Zipf-like distribution so
// a few national campaigns recur across many districts and the long tail stays rare.
import { readFileSync } from "node:fs";
import { FALLBACK_PROGRAMS } from "./programs-fallback.js";
import { Zipf, type Rng } from "./rng.js";

export interface Program {
  /** canonical name as the lexicon gives it */
  name: string;
  category: string;
  /** ways a report writes it, with the quotation marks reports use; the first is the usual one */
  surfaces: string[];
}

export interface ProgramSource {
  programs: Program[];
  source: string;
}

const LEXICON = new URL("../../data/programs.json", import.meta.url);

// Programmes tied to a period: a 2019 report does not mention the eighth five-year legal
// education plan, a 2023 one no longer runs the seventh.
const ERAS: Record<string, [number, number]> = {
  八五普法: [2021, 2025],
  七五普法: [2016, 2020],
  六五普法: [2011, 2015],
  高效办成一件事: [2024, 2030],
  提升行政执法质量三年行动: [2023, 2025],
  安全生产专项整治三年行动: [2020, 2022],
  双减: [2021, 2030],
  一盔一带: [2020, 2030],
};

// Campaigns nearly every report names, ranked first whatever order the lexicon lists them in.
const HEADLINERS = [
  "八五普法",
  "七五普法",
  "枫桥经验",
  "谁执法谁普法",
  "行政执法三项制度",
  "放管服",
  "12345热线",
  "一网通办",
  "法律明白人",
  "最多跑一次",
  "双随机、一公开",
  "扫黑除恶",
  "一村(社区)一法律顾问",
  "民主法治村",
  "三重一大",
  "诉源治理",
  "以案释法",
];

// Names that are institutions rather than slogans, written without quotation marks.
const WRITTEN_BARE = /(?:制度|责任制|制|机制|体系|体制改革|热线|平台|格局|清单|行动|专项斗争|专项整治|计划|改革|试点|规划|联系点|现代化|副校长|示范户|审查|治理|衔接|联动|对接)$/;

interface LexiconEntry {
  name?: unknown;
  category?: unknown;
  aliases?: unknown;
  quoted?: unknown;
  bare?: unknown;
}

/** 八五普法 with quoted 八五 → “八五”普法; 新时代枫桥经验 → 新时代“枫桥经验”; 放管服 → “放管服”. */
export function surfaceOf(core: string, quoted: string[]): string {
  const text = core.replace(/\(/g, "（").replace(/\)/g, "）");
  for (const q of quoted) if (text.startsWith(q) && text.length > q.length) return `“${q}”${text.slice(q.length)}`;
  if (text.startsWith("新时代") && text.length > 3) return `新时代“${text.slice(3)}”`;
  if (/^\d/.test(text) || WRITTEN_BARE.test(text)) return text;
  return `“${text}”`;
}

function fromLexicon(entries: LexiconEntry[]): Program[] {
  const out: Program[] = [];
  for (const e of entries) {
    if (typeof e.name !== "string" || !e.name) continue;
    const quoted = Array.isArray(e.quoted) ? e.quoted.filter((q): q is string => typeof q === "string") : [];
    const aliases = Array.isArray(e.aliases)
      ? e.aliases.filter((a): a is string => typeof a === "string" && a.length >= 4)
      : [];
    const surfaces = [...new Set([e.name, ...aliases].map((c) => surfaceOf(c, quoted)))];
    out.push({ name: e.name, category: typeof e.category === "string" ? e.category : "其他", surfaces });
  }
  return out;
}

/** The lexicon's programmes, or the built-in list when the file is absent or unusable. */
export function loadPrograms(file: URL | string = LEXICON): ProgramSource {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as unknown;
    const entries = Array.isArray(data) ? data : (data as { programs?: unknown }).programs;
    if (Array.isArray(entries)) {
      const programs = fromLexicon(entries as LexiconEntry[]);
      if (programs.length >= 10) return { programs, source: "data/programs.json" };
    }
  } catch {
    // fall through to the built-in list
  }
  return {
    programs: FALLBACK_PROGRAMS.map((p) => ({ name: p.name, category: p.category, surfaces: [...p.surfaces] })),
    source: "built-in list",
  };
}

export function inEra(p: Program, year: number): boolean {
  const era = ERAS[p.name];
  return !era || (year >= era[0] && year <= era[1]);
}

/** Ranks programmes (headliners first, the rest in a seed-chosen order) and draws by rank. */
export class ProgramPicker {
  readonly ranked: Program[];
  private readonly zipf: Zipf;

  constructor(programs: Program[], rng: Rng, exponent = 1.0) {
    const head = HEADLINERS.map((n) => programs.find((p) => p.name === n)).filter((p): p is Program => !!p);
    const rest = rng.shuffle(programs.filter((p) => !head.includes(p)));
    this.ranked = [...head, ...rest];
    this.zipf = new Zipf(this.ranked.length, exponent);
  }

  /** Up to k distinct programmes current in `year`. */
  draw(rng: Rng, year: number, k: number): Program[] {
    const chosen = new Set<Program>();
    for (let tries = 0; chosen.size < k && tries < k * 8; tries++) {
      const p = this.ranked[this.zipf.draw(rng)]!;
      if (inEra(p, year)) chosen.add(p);
    }
    return [...chosen];
  }
}
