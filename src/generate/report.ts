// Assembles one report: header (title, publication line), opening, numbered sections of
// work with figures, programmes, laws and retained law firms, then problems, the leaders'
// duties, next year's plan, and the signature. Everything random comes from the report's
// own Rng, so report #i is the same whatever else the run generates.
import type { Firm } from "./firms.js";
import { outline, pickLaws } from "./laws.js";
import { Figures, METRICS, type MetricDef, type Topic } from "./metrics.js";
import { government, partyShort, selfName, titlePlace, upper, type Jurisdiction } from "./places.js";
import type { Program, ProgramPicker } from "./programs.js";
import type { Rng } from "./rng.js";
import * as T from "./templates.js";

export interface World {
  programs: ProgramPicker;
  firmsByClient: Map<string, Firm[]>;
  firmsByCity: Map<string, Firm[]>;
}

export interface GeneratedReport {
  text: string;
  subject: Jurisdiction;
  year: number;
  /** canonical names of the programmes mentioned */
  programs: string[];
  /** law firms named as the subject's legal advisers */
  advisers: string[];
  metricCount: number;
}

const TOPICS: Topic[] = ["lead", "decide", "enforce", "open", "business", "dispute", "govern", "review", "publicize", "legal"];

// Which section a programme of each lexicon category is written into.
const CATEGORY_TOPIC: Record<string, Topic> = {
  普法: "publicize",
  执法: "enforce",
  专项行动: "enforce",
  生态治理: "enforce",
  政务服务: "open",
  营商环境: "business",
  基层治理: "govern",
  矛盾化解: "dispute",
  法律服务: "legal",
  决策监督: "decide",
};

/** Per-report draws without repeats, so two neighbouring sentences rarely share a frame. */
interface Decks {
  lead: () => (c: T.Ctx) => string;
  tail: () => string;
  program: () => T.ProgramLine;
  law: () => T.LawLine;
}

/** What a section is made of before it is written out. */
interface Section {
  topic: Topic;
  must: string[];
  metrics: MetricDef[];
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}

function dates(rng: Rng, year: number): { published: Date; signed: Date } {
  const month = rng.pick([1, 1, 1, 2, 2, 3, 3, 4]);
  const published = new Date(Date.UTC(year + 1, month - 1, rng.int(1, 28)));
  const signed = new Date(published.getTime() - rng.int(0, 12) * 86_400_000);
  return { published, signed };
}

const iso = (d: Date) => `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
const written = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;

function title(j: Jurisdiction, year: number, rng: Rng): string {
  const place = titlePlace(j, rng);
  const body = j.kind === "街道" ? "办事处" : "人民政府";
  switch (rng.int(0, 5)) {
    case 0:
      return `${place}${year}年法治政府建设年度报告`;
    case 1:
      return `${place}${year}年度法治政府建设工作报告`;
    case 2:
      return `${place}${body}关于${year}年度法治政府建设情况的报告`;
    case 3:
      return `${place}${year}年法治政府建设工作情况报告`;
    case 4:
      return `${place}${body}${year}年法治政府建设年度报告`;
    default:
      return `${place}关于${year}年法治政府建设工作的报告`;
  }
}

function publicationLine(j: Jurisdiction, published: Date, rng: Rng): string {
  const d = j.district;
  const source = j.level === "TOWNSHIP" ? rng.pick([`${d.name}${j.name}`, government(j)]) : rng.pick([`${d.name}司法局`, `${d.name}人民政府办公室`, government(j)]);
  switch (rng.int(0, 3)) {
    case 0:
      return `发布时间：${iso(published)}　来源：${source}`;
    case 1:
      return `发布日期：${written(published).replace(/(\d+)月(\d+)日/, (_m, mo: string, da: string) => `${two(Number(mo))}月${two(Number(da))}日`)}　信息来源：${source}　浏览次数：${rng.int(20, 3000)}`;
    case 2:
      return `索引号：${j.code}/${published.getUTCFullYear()}-${String(rng.int(1, 99999)).padStart(5, "0")}　|　成文日期：${iso(published)}　|　发布机构：${source}`;
    default:
      return `来源：${source}　　发布时间：${iso(published)} ${two(rng.int(8, 18))}:${two(rng.int(0, 59))}`;
  }
}

/** Joins figures into running text: 全年共审查各类合同120件，出具法律意见书36份。 */
function figureSentences(c: T.Ctx, metrics: MetricDef[], f: Figures, decks: Decks): string[] {
  const out: string[] = [];
  for (let i = 0; i < metrics.length; ) {
    const take = Math.min(metrics.length - i, c.rng.int(1, 3));
    const phrases = metrics.slice(i, i + take).map((m) => m.render(f));
    out.push(decks.lead()(c) + phrases.join("，") + decks.tail());
    i += take;
  }
  return out;
}

/** Writes a section's sentences as one to three paragraphs, sometimes as a 一是…二是… list. */
function paragraphs(c: T.Ctx, sentences: string[], enumerate: boolean): string[] {
  if (sentences.length === 0) return [];
  if (enumerate && sentences.length >= 3) {
    const items = c.rng.int(2, Math.min(4, sentences.length));
    const per = Math.ceil(sentences.length / items);
    const parts: string[] = [];
    for (let k = 0; k * per < sentences.length; k++) parts.push(`${T.cnNumber(k + 1)}是${sentences.slice(k * per, (k + 1) * per).join("")}`);
    return [parts.join("")];
  }
  const count = Math.min(sentences.length, c.rng.int(1, 3));
  const per = Math.ceil(sentences.length / count);
  const out: string[] = [];
  for (let k = 0; k * per < sentences.length; k++) out.push(sentences.slice(k * per, (k + 1) * per).join(""));
  return out;
}

export function generateReport(world: World, j: Jurisdiction, year: number, rng: Rng): GeneratedReport {
  const kind = j.kind;
  const c: T.Ctx = {
    rng,
    year,
    place: j.name,
    kind,
    party: partyShort(kind),
    gov: kind === "街道" ? "街道办事处" : `${kind}政府`,
    upper: upper(j).short,
    self: () => selfName(kind, rng),
    sub: () =>
      j.level === "DISTRICT" && j.district.townships.length > 0
        ? rng.pick(j.district.townships)
        : rng.pick(["辖区村（社区）", "各村（社区）", "部分村（社区）"]),
  };
  const figures = new Figures(rng, j.level === "DISTRICT" ? 1 : rng.float(0.15, 0.45, 2));
  const target = rng.int(3300, 8000);
  const decks: Decks = {
    lead: rng.deck(T.FIGURE_LEADS),
    tail: rng.deck(T.FIGURE_TAILS),
    program: rng.deck(T.PROGRAM_LINES),
    law: rng.deck(T.LAW_LINES),
  };
  const { published, signed } = dates(rng, year);
  const gap = rng.chance(0.5) ? "\n\n" : "\n";

  // ---- which sections, and what each must carry
  // A longer report covers more kinds of work rather than saying more about each.
  const kept = new Set(rng.sample(TOPICS, Math.min(TOPICS.length, Math.round(target / 900) + rng.int(0, 2))));
  kept.add("lead");
  const sections: Section[] = TOPICS.filter((t) => kept.has(t)).map((topic) => ({ topic, must: [], metrics: [] }));
  const section = (t: Topic): Section => sections.find((s) => s.topic === t) ?? rng.pick(sections);

  const pool = METRICS.filter((m) => kept.has(m.topic));
  const metrics = rng.sample(pool, rng.int(10, 30));
  for (const m of metrics) section(m.topic).metrics.push(m);

  const programs: Program[] = world.programs.draw(rng, year, rng.int(4, 10));
  for (const p of programs) {
    const surface = rng.chance(0.75) ? p.surfaces[0]! : rng.pick(p.surfaces);
    section(CATEGORY_TOPIC[p.category] ?? "lead").must.push(decks.program()(c, surface));
  }

  for (const law of pickLaws(rng, year, rng.int(2, 5))) rng.pick(sections).must.push(decks.law()(c, law));

  const advisers = (world.firmsByClient.get(j.code) ?? []).slice(0, rng.int(1, 2));
  const adviceSection = kept.has("decide") ? section("decide") : section("legal");
  if (advisers.length === 0) adviceSection.must.push(rng.pick(T.NO_FIRM_LINES)(c));
  for (const firm of advisers) adviceSection.must.push(rng.pick(T.FIRM_LINES)(c, firm.name, firm.lawyers));
  if (kept.has("legal")) {
    const local = world.firmsByCity.get(j.district.cityCode) ?? [];
    const withLawyers = local.filter((f) => f.lawyers.length > 0);
    if (withLawyers.length > 0 && rng.chance(0.6)) {
      const firm = rng.pick(withLawyers);
      section("legal").must.push(rng.pick(T.LAWYER_SERVICE_LINES)(c, firm.name, firm.lawyers));
    }
  }

  // ---- the fixed parts, written first so the work sections can fill up to the target length
  const head: string[] = [];
  if (rng.chance(0.3)) head.push(`首页 > 政务公开 > ${rng.pick(["法治政府建设", "法定主动公开内容", "工作报告", "规划计划"])}`);
  head.push(title(j, year, rng));
  head.push(publicationLine(j, published, rng));
  if (rng.chance(0.45)) head.push(`${upper(j).full}：`);
  head.push(
    rng.pick(T.OPENINGS)(c) + rng.pick(T.OPENING_OUTLINE)(c, outline(year)) + rng.pick(T.REPORT_FORWARD)(c),
  );

  const closing: string[] = [];
  let part = 2;
  closing.push(`${T.cnNumber(part++)}、${rng.pick(T.PROBLEM_HEADINGS)(c)}`);
  const problems = rng.sample(T.PROBLEMS, rng.int(2, 4)).map((p) => p(c));
  closing.push(rng.pick(T.PROBLEM_INTROS)(c) + problems.map((p, k) => `${T.cnNumber(k + 1)}是${p}`).join(""));
  if (rng.chance(0.5)) {
    closing.push(`${T.cnNumber(part++)}、${rng.pick(T.DUTY_HEADINGS)(c)}`);
    closing.push(rng.sample(T.DUTIES, rng.int(2, 4)).map((d) => d(c)).join(""));
  }
  closing.push(`${T.cnNumber(part++)}、${rng.pick(T.PLAN_HEADINGS)(c)}`);
  closing.push(rng.pick(T.PLAN_INTROS)(c));
  const plans = rng.sample(T.PLANS, rng.int(3, 5)).map((p) => p(c));
  if (rng.chance(0.5)) closing.push(...plans.map((p, k) => `（${T.cnNumber(k + 1)}）${p}`));
  else closing.push(plans.map((p, k) => `${T.cnNumber(k + 1)}是${p}`).join(""));
  closing.push("", government(j), written(signed));

  // ---- the work sections
  const fixed = [...head, ...closing].reduce((n, s) => n + s.length + gap.length, 0);
  const budget = Math.max(150, (target - fixed) / sections.length);
  const inlineHeadings = rng.chance(0.3);
  const body: string[] = [`一、${rng.pick(T.PART_ONE_HEADINGS)(c)}`];
  sections.forEach((s, k) => {
    const heading = `（${T.cnNumber(k + 1)}）${rng.pick(T.TOPIC_HEADINGS[s.topic])}`;
    const sentences = rng.shuffle([...s.must, ...figureSentences(c, s.metrics, figures, decks)]);
    let length = sentences.reduce((n, x) => n + x.length, 0);
    for (const line of rng.sample(T.TOPIC_LINES[s.topic], T.TOPIC_LINES[s.topic].length)) {
      if (length >= budget) break;
      const sentence = line(c);
      // General statements lead a section; figures and specifics follow them.
      sentences.splice(rng.int(0, Math.min(2, sentences.length)), 0, sentence);
      length += sentence.length;
    }
    const paras = paragraphs(c, sentences, rng.chance(0.35));
    if (inlineHeadings) body.push(`${heading}。${paras[0] ?? ""}`, ...paras.slice(1));
    else body.push(heading, ...paras);
  });

  let text = [...head, ...body, ...closing].join(gap).replace(/\n{3,}/g, "\n\n") + "\n";
  // The doctrine got its name in November 2020; a 2019 report speaks of it the older way.
  if (year < 2020) text = text.replaceAll("习近平法治思想", "习近平总书记关于全面依法治国的重要论述");
  return {
    text,
    subject: j,
    year,
    programs: programs.map((p) => p.name),
    advisers: advisers.map((f) => f.name),
    metricCount: metrics.length,
  };
}
