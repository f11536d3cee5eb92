// Invented law firms and lawyers. Each firm takes its place word from a real city or
// province and a made-up two-character trade name, and advises a few jurisdictions near
// its home city — so the same firm turns up in several places' reports, as real retained
// advisers do.
import type { Jurisdiction, PlacePool } from "./places.js";
import type { Rng } from "./rng.js";

export interface Firm {
  name: string;
  cityCode: string;
  /** named lawyers of the firm (may be empty: many reports name only the firm) */
  lawyers: string[];
  /** jurisdiction codes the firm is retained by */
  clients: string[];
}

// Characters that read like firm trade names. Characters the extractor treats as the left
// edge of a name (和, 与, 同, 为, 在 ...) are left out so names stay unambiguous.
const TRADE_CHARS = "信瑞衡正诚德恒泰明鼎晟君汇嘉远睿弘立博贤昌铭坤宏兴道隆丰源达通致尚卓承启朗昊谦鸿泓耀澄益麟越崇璟钧岳砺锐策维臻拓朴";
// Trade names of well-known real firms, never to be generated.
const FAMOUS = new Set(["金杜", "君合", "中伦", "大成", "环球", "方达", "通商", "汉坤", "天元", "国浩", "德恒", "盈科", "天同", "炜衡", "康达", "观韬", "浩天", "海问", "世辉", "天册", "京衡", "泽大", "锦天城", "君泽君", "中银", "隆安", "嘉源", "瑞强", "植德", "星瀚", "德和衡", "明炬", "信达", "昭衡", "君致", "尚公", "启元", "博众", "汇业", "卓纬", "竞天公诚", "道可特", "权亚", "海华永泰", "源浩", "正平", "致诚", "恒都", "泰和泰", "远闻"]);

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金廖贾夏付方邹孟熊秦邱江尹薛段雷侯龙陶黎贺顾毛郝龚邵钱严武戴孔汤温施";
const GIVEN_CHARS = "伟芳敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华斌辉玲婷宇浩凯鹏晨琳欣怡俊峰倩颖雪晓志建海红丹慧佳琪蕾琦昕悦宁萍莉锋帆斐岚舟鑫楠瑶";

export function personName(rng: Rng): string {
  const given = rng.chance(0.7) ? rng.pick([...GIVEN_CHARS]) + rng.pick([...GIVEN_CHARS]) : rng.pick([...GIVEN_CHARS]);
  return rng.pick([...SURNAMES]) + given;
}

function tradeName(rng: Rng): string {
  for (;;) {
    const name = rng.pick([...TRADE_CHARS]) + rng.pick([...TRADE_CHARS]);
    if (name[0] !== name[1] && !FAMOUS.has(name)) return name;
  }
}

/** ~`count` firms spread over the pool's cities in proportion to their jurisdictions. */
export function buildFirms(pool: PlacePool, rng: Rng, count: number): { firms: Firm[]; byClient: Map<string, Firm[]> } {
  const firms: Firm[] = [];
  const used = new Set<string>();
  const cities = [...pool.byCity.entries()];
  const total = pool.jurisdictions.length;
  for (const [cityCode, local] of cities) {
    const here = Math.max(1, Math.round((count * local.length) / total));
    const d = local[0]!.district;
    for (let k = 0; k < here; k++) {
      let name: string;
      do {
        const place = d.cityShort && rng.chance(0.7) ? d.cityShort : d.provinceShort;
        // Some firms are branch offices named after the city: 湖南X（长沙）律师事务所.
        name =
          d.cityShort && rng.chance(0.08)
            ? `${d.provinceShort}${tradeName(rng)}（${d.cityShort}）律师事务所`
            : `${place}${tradeName(rng)}律师事务所`;
      } while (used.has(name));
      used.add(name);
      const lawyers = rng.chance(0.65) ? Array.from({ length: rng.int(1, 4) }, () => personName(rng)) : [];
      firms.push({ name, cityCode, lawyers: [...new Set(lawyers)], clients: pickClients(pool, local, rng) });
    }
  }
  const byClient = new Map<string, Firm[]>();
  for (const f of firms) {
    for (const c of f.clients) {
      const list = byClient.get(c);
      if (list) list.push(f);
      else byClient.set(c, [f]);
    }
  }
  return { firms, byClient };
}

/** 1–5 clients, mostly in the firm's own city, sometimes elsewhere in the province. */
function pickClients(pool: PlacePool, local: Jurisdiction[], rng: Rng): string[] {
  const n = rng.int(1, 5);
  const province = pool.byProvince.get(local[0]!.district.provinceCode) ?? local;
  const clients = new Set<string>();
  for (let tries = 0; clients.size < n && tries < n * 4; tries++) {
    clients.add(rng.pick(rng.chance(0.85) ? local : province).code);
  }
  return [...clients];
}
