// Law firms (…律师事务所, “…”律所) and the people the text names with a role (lawyers,
// mediators, officials), plus the statements that the reporting body retains a firm as
// legal adviser.
import { readFileSync } from "node:fs";
import type { Entity, Mention } from "./types.js";
import type { ReportText } from "./text.js";

export interface FirmsResult {
  /** LawFirm and Person entities */
  entities: Entity[];
  /** firms the text says the reporting body retains as legal adviser, with the evidence */
  advisers: { firm: string; mention: Mention }[];
}

interface NameData {
  single: string;
  compound: string[];
  notNames: string[];
  nationalLeaders: string[];
}

const NAMES = (() => {
  const file = new URL("../../data/surnames.json", import.meta.url);
  const data = JSON.parse(readFileSync(file, "utf8")) as NameData;
  return {
    single: new Set(data.single),
    compound: new Set(data.compound),
    notNames: new Set(data.notNames),
    leaders: new Set(data.nationalLeaders),
  };
})();

const CJK = /[\u4e00-\u9fff]/;
const FIRM = "律师事务所";

// ================================================================ firms

interface FirmHit {
  name: string;
  start: number;
  end: number;
}

// Words after which a firm name starts (聘请X律师事务所, 与X律师事务所签订 ...). Whole words come
// first; single characters may also end a firm's own name (和信, 六和), see firmNameBefore.
const EDGE_WORDS = [
  "聘请了", "聘请", "聘用", "续聘", "聘任", "选聘", "遴选", "选择", "委托", "邀请", "联合", "携手", "依托",
  "引入", "引进", "对接", "组织", "走进", "进驻", "入驻", "签约", "会同", "联系", "通过", "律师事务所", "律所",
];
const EDGE_CHARS = "邀与同和及由向为是在的从请了等";
const FIRM_LEFT_EDGE = new RegExp(`${EDGE_WORDS.join("|")}|[${EDGE_CHARS}]`, "g");
const ENDS_IN_EDGE_WORD = new RegExp(`(?:${EDGE_WORDS.join("|")})$`);
// Words that make "X律师事务所" a kind of firm rather than a firm.
const GENERIC_FIRM =
  /^(?:各|多|该|本|此|这|那|每|一|两|几|数|某|其他|其它|相关|有关|专业|知名|优秀|本地|当地|辖区|属地|驻地|全[省市区县镇乡]|省内|市内|区内|县内|签约|合作|法律顾问|律师|公益|优质|正规|大型|品牌|一流)/;

/** The firm name that ends at `end` (the offset of 律师事务所 or 律所) and starts after `floor`, or null. */
function firmNameBefore(text: string, end: number, informal: boolean, floor: number): { name: string; start: number } | null {
  let start = end;
  while (start > floor && end - start < 24 && /[\u4e00-\u9fff()]/.test(text[start - 1]!)) start--;
  const run = text.slice(start, end);
  const cuts = [0];
  for (const m of run.matchAll(FIRM_LEFT_EDGE)) cuts.push(m.index! + m[0].length);
  // Take the last edge that leaves a name of two characters or more; a firm may itself
  // contain an edge character (和信, 六和), so a shorter rest falls back to an earlier edge.
  for (let k = cuts.length - 1; k >= 0; k--) {
    const rest = run.slice(cuts[k]);
    if (rest.length >= 2) return isFirmName(rest) ? { name: rest, start: start + cuts[k]! } : null;
    // An edge right before the firm word leaves no name: give up after a whole word (组织律师事务所)
    // or before the informal 律所 (邀律所对接); otherwise fall back to an earlier edge.
    if (informal || (rest.length === 0 && ENDS_IN_EDGE_WORD.test(run.slice(0, cuts[k])))) return null;
  }
  return null;
}

// Bodies that are not firms even though 律师事务所 follows them (律师协会和律师事务所).
const NOT_A_FIRM = /律师|协会|司法|政府|法院|检察院|委员会/;

function isFirmName(core: string): boolean {
  return !GENERIC_FIRM.test(core) && !NOT_A_FIRM.test(core) && !/^[()]|\($/.test(core) && core.length <= 20;
}

/** “金杜”律所: the quoted name before a 律所 / 律师事务所. */
function quotedFirmBefore(text: string, end: number): { name: string; start: number } | null {
  const close = text[end - 1];
  if (close !== "”" && close !== '"' && close !== "」") return null;
  const open = close === "」" ? "「" : close === "”" ? "“" : '"';
  const windowStart = Math.max(0, end - 14); // bounded: never scan far back for a quote
  const inWindow = text.slice(windowStart, end - 1).lastIndexOf(open);
  if (inWindow < 0) return null;
  const from = windowStart + inWindow;
  const name = text.slice(from + 1, end - 1);
  return /^[\u4e00-\u9fff]{2,10}$/.test(name) && isFirmName(name) ? { name, start: from } : null;
}

/** 分所 branches keep their name: X律师事务所Y分所. */
function branchSuffix(text: string, at: number): string {
  const m = /^[\u4e00-\u9fff]{1,6}?分所/.exec(text.slice(at, at + 10));
  return m ? m[0] : "";
}

function findFirms(text: string): FirmHit[] {
  const hits: FirmHit[] = [];
  let previousEnd = 0; // a name never runs back over an earlier 律所
  for (const m of text.matchAll(/律师事务所|律所/g)) {
    const at = m.index!;
    const informal = m[0] === "律所";
    const floor = previousEnd;
    previousEnd = at + m[0].length;
    const found = quotedFirmBefore(text, at) ?? firmNameBefore(text, at, informal, floor);
    if (!found) continue;
    const branch = branchSuffix(text, at + m[0].length);
    hits.push({ name: found.name + FIRM + branch, start: found.start, end: at + m[0].length + branch.length });
  }
  return hits;
}

// ================================================================ people

type Role = "lawyer" | "mediator" | "official" | "expert";

interface PersonHit {
  name: string;
  role: Role;
  start: number;
  end: number;
}

// Role words written before names: 律师张三、李四 / 人民调解员王五.
const ROLE_BEFORE: [RegExp, Role][] = [
  [/律师(?!事务所)|法律顾问/g, "lawyer"],
  [/调解员/g, "mediator"],
  [/(?:书记|主任|区长|县长|市长|镇长|乡长|局长|所长|处长|科长)/g, "official"],
];
// Role words written after names: 张三律师 / 李四同志.
const ROLE_AFTER: [RegExp, Role][] = [
  [/律师(?!事务所)/g, "lawyer"],
  [/调解员/g, "mediator"],
  [/同志(?!为核心)/g, "official"],
];

// What may follow a name: punctuation, a list joiner or a verb frame (including the frames of a
// person's standing work: 扎根一线, 坚守岗位, 长期驻点, 每月坐班).
const AFTER_NAME =
  /^(?:[、，。；：,;:()“”"\s]|$|等|为|作为|担任|同志|律师|和|及|与|在|参与|负责|提供|带领|带队|牵头|主持|讲解|解读|进行|开展|走进|深入|到|就|对|向|被|获|耐心|主动|积极|认真|多次|先后|现场|调处|调解|化解|累计|共|通过|利用|帮助|协助|组织|上门|亲自|全程|分别|也|还|又|都|已|曾|将|一直|始终|表示|介绍|指出|扎根|坚守|长期|常年|每月|每周|定期|荣获|获评|成功|创立|总结|探索)/;
// What may precede a name written before its role word.
const BEFORE_NAME = /[、，。；：,;:()“”"\s的所请由邀与和及等]/;
// Characters that end a clause rather than a given name (李明等 is 李明 + 等).
const NOT_NAME_END = /[等为和及与在对向被到就]/;

function isPersonName(name: string): boolean {
  if (name.length < 2 || name.length > 4 || name.includes("某")) return false;
  if (![...name].every((c) => CJK.test(c))) return false;
  if (NAMES.notNames.has(name.slice(0, 2)) || NAMES.leaders.has(name)) return false;
  if (NAMES.compound.has(name.slice(0, 2))) return name.length >= 3;
  return NAMES.single.has(name[0]!) && name.length <= 3 && !NOT_NAME_END.test(name[name.length - 1]!);
}

/** A name starting at `at` and followed by a name terminator; longest first. */
function nameAt(text: string, at: number): string | null {
  for (const len of [4, 3, 2]) {
    const name = text.slice(at, at + len);
    if (name.length === len && isPersonName(name) && AFTER_NAME.test(text.slice(at + len, at + len + 2))) return name;
  }
  return null;
}

/** 律师张三、李四和王五: the names listed after a role word. */
function namesAfterRole(text: string): PersonHit[] {
  const hits: PersonHit[] = [];
  for (const [pattern, role] of ROLE_BEFORE) {
    for (const m of text.matchAll(pattern)) {
      let at = m.index! + m[0].length;
      for (let count = 0; count < 8; count++) {
        const name = nameAt(text, at);
        if (!name) break;
        hits.push({ name, role, start: at, end: at + name.length });
        at += name.length;
        const joiner = /^(?:、|和|及|与)/.exec(text.slice(at, at + 1));
        if (!joiner) break;
        at += joiner[0].length;
      }
    }
  }
  return hits;
}

// 邀请张三、李四等专家授课: names listed after an invitation and closed by an expert's title.
const INVITE = /(?:邀请|特邀|邀约|聘请)(?:了|到)?/g;
const EXPERT_AFTER_LIST = /^等?(?:[^，。；,;]{0,8}?)(?:专家|教授|学者|法学家|大家|老师|研究员)/;

/** 邀请张三、李四等法学专家: the listed names are people, when an expert's title closes the list. */
function invitedExperts(text: string): PersonHit[] {
  const hits: PersonHit[] = [];
  for (const m of text.matchAll(INVITE)) {
    const listed: PersonHit[] = [];
    let at = m.index! + m[0].length;
    for (let count = 0; count < 8; count++) {
      const name = nameAt(text, at);
      if (!name) break;
      listed.push({ name, role: "expert", start: at, end: at + name.length });
      at += name.length;
      if (!/^[、和及与]/.test(text[at] ?? "")) break;
      at++;
    }
    if (listed.length && EXPERT_AFTER_LIST.test(text.slice(at, at + 16))) hits.push(...listed);
  }
  return hits;
}

/** 张三、李四律师 / 王五同志: the names listed before a role word. */
function namesBeforeRole(text: string): PersonHit[] {
  const hits: PersonHit[] = [];
  for (const [pattern, role] of ROLE_AFTER) {
    for (const m of text.matchAll(pattern)) {
      let end = m.index!;
      for (let count = 0; count < 8; count++) {
        const name = nameEndingAt(text, end);
        if (!name) break;
        const start = end - name.length;
        hits.push({ name, role, start, end });
        if (!/[、和及与]/.test(text[start - 1] ?? "")) break;
        end = start - 1;
      }
    }
  }
  return hits;
}

function nameEndingAt(text: string, end: number): string | null {
  for (const len of [4, 3, 2]) {
    const start = end - len;
    if (start < 0) continue;
    const name = text.slice(start, end);
    const before = start === 0 ? "" : text[start - 1]!;
    if (isPersonName(name) && (before === "" || BEFORE_NAME.test(before))) return name;
  }
  return null;
}

// ================================================================ assembling

// A sentence that says the firm is retained as legal adviser (聘请…为法律顾问, 签订法律服务合同).
const ADVISER_TOPIC = /法律顾问|顾问单位|法律服务合同|法律服务协议|法律顾问合同/;
const RETAIN_VERB = /聘请|聘用|聘任|续聘|签订|签约|签署|委托|购买|担任/;

export function firmKey(name: string): string {
  return name.replace(/[\s“”"「」]/g, "").replace(/律所$/, FIRM);
}

function firmEntities(doc: ReportText, hits: FirmHit[]): Entity[] {
  const byKey = new Map<string, Entity>();
  for (const hit of hits) {
    const key = firmKey(hit.name);
    let entity = byKey.get(key);
    if (!entity) {
      entity = { type: "LawFirm", name: key, key, mentions: [] };
      byKey.set(key, entity);
    }
    entity.mentions.push(doc.mention(hit.start, hit.end));
  }
  return [...byKey.values()];
}

/**
 * The firm written just before the person in the same sentence: a lawyer's firm may stand a
 * few words back (X律师事务所的张三律师), any other role must follow it directly (X律师事务所主任李四).
 */
function orgOf(doc: ReportText, person: PersonHit, firmsByEnd: FirmHit[]): string | undefined {
  // binary search: the last firm ending at or before the person
  let lo = 0;
  let hi = firmsByEnd.length - 1;
  let best: FirmHit | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (firmsByEnd[mid]!.end <= person.start) {
      best = firmsByEnd[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const reach = person.role === "lawyer" ? 24 : 4;
  if (!best || person.start - best.end > reach) return undefined;
  return doc.sentenceIndexAt(best.start) === doc.sentenceIndexAt(person.start) ? firmKey(best.name) : undefined;
}

/**
 * One entity per person: the name together with the firm the text ties them to, so two people of
 * one name at two firms stay two. A mention without a firm joins the name's only firm-bound
 * entity, or the name's own entity when there is none or several.
 */
function personEntities(doc: ReportText, hits: PersonHit[], firms: FirmHit[]): Entity[] {
  const byKey = new Map<string, Entity>();
  const firmsByEnd = [...firms].sort((a, b) => a.end - b.end);
  const sorted = [...hits].sort((a, b) => a.start - b.start || a.end - b.end);
  const withOrg = sorted.map((hit) => ({ hit, org: orgOf(doc, hit, firmsByEnd) }));
  const orgsByName = new Map<string, Set<string>>();
  for (const { hit, org } of withOrg) if (org) (orgsByName.get(hit.name) ?? orgsByName.set(hit.name, new Set()).get(hit.name)!).add(org);
  for (const { hit, org: own } of withOrg) {
    const orgs = orgsByName.get(hit.name);
    const org = own ?? (orgs?.size === 1 ? [...orgs][0] : undefined);
    const key = personKey(hit.name, org);
    let entity = byKey.get(key);
    if (!entity) {
      entity = { type: "Person", name: hit.name, key, role: hit.role, mentions: [] };
      if (org) entity.org = org;
      byKey.set(key, entity);
    }
    const last = entity.mentions[entity.mentions.length - 1];
    if (last?.start !== hit.start) entity.mentions.push(doc.mention(hit.start, hit.end));
  }
  return [...byKey.values()];
}

/** A person's identity: the name with the firm (张三@某律师事务所), or the name alone until a place is added. */
export function personKey(name: string, org: string | undefined): string {
  return org ? `${name}@${org}` : name;
}

function adviserStatements(doc: ReportText, firms: FirmHit[]): { firm: string; mention: Mention }[] {
  const out: { firm: string; mention: Mention }[] = [];
  const seen = new Set<string>();
  const retains = new Map<number, boolean>(); // per sentence, so a long sentence is read once
  for (const f of firms) {
    const index = doc.sentenceIndexAt(f.start);
    const sentence = doc.sentences[index];
    if (!sentence) continue;
    if (!retains.has(index)) retains.set(index, ADVISER_TOPIC.test(sentence.text) && RETAIN_VERB.test(sentence.text));
    const firm = firmKey(f.name);
    if (!retains.get(index) || seen.has(`${firm}@${index}`)) continue;
    seen.add(`${firm}@${index}`);
    out.push({ firm, mention: doc.mention(sentence.start, sentence.end) });
  }
  return out;
}

export function extractFirmsAndPeople(doc: ReportText): FirmsResult {
  const firms = findFirms(doc.text);
  const people = [...namesAfterRole(doc.text), ...namesBeforeRole(doc.text), ...invitedExperts(doc.text)];
  return {
    entities: [...firmEntities(doc, firms), ...personEntities(doc, people, firms)],
    advisers: adviserStatements(doc, firms),
  };
}
