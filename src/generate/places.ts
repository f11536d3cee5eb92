// Picks the corpus's world of places: a few provinces, a few hundred real districts in
// them, and a handful of real townships/sub-districts under each district. A small pool is
// the point — benchmarks need many reports about the same places over the years, the way
// a real crawl sees the same districts again and again.
import type { Area, DivisionList, Street } from "./divisions.js";
import type { Rng } from "./rng.js";

export type Kind = "区" | "县" | "市" | "旗" | "街道" | "镇" | "乡";

export interface District {
  code: string;
  /** official name, e.g. 西湖区 */
  name: string;
  kind: Kind;
  /** the prefecture-level city as written before the district (北京市 for municipal districts), or null for counties directly under a province */
  city: string | null;
  cityCode: string;
  province: string;
  provinceCode: string;
  /** short forms used to name law firms: 长沙, 湖南 (null when the city has no short form) */
  cityShort: string | null;
  provinceShort: string;
  /** names of all the district's townships and sub-districts, for mentioning them in its reports */
  townships: string[];
}

export interface Jurisdiction {
  code: string;
  name: string;
  level: "DISTRICT" | "TOWNSHIP";
  kind: Kind;
  /** the district itself, or the district the township belongs to */
  district: District;
}

export interface PlacePool {
  provinces: string[];
  districts: District[];
  jurisdictions: Jurisdiction[];
  byCity: Map<string, Jurisdiction[]>;
  byProvince: Map<string, Jurisdiction[]>;
}

export interface PlaceOptions {
  provinces: number;
  districts: number;
  townshipsPerDistrict: number;
}

// Districts that are really development zones or administrative committees read oddly as
// the author of a government report; real township-level units are 街道, 镇 and 乡.
const DISTRICT_NAME = /^[\u4e00-\u9fff]{2,12}(区|县|市|旗)$/;
const NOT_A_GOVERNMENT = /(开发区|管理区|示范区|新城|园区|管委会|群岛)$/;
const TOWNSHIP_NAME = /^[\u4e00-\u9fff]{2,14}(街道|镇|乡)$/;
const NOT_A_TOWNSHIP = /(开发区|农场|林场|园区|管委会|办事处|牧场|渔场)/;

function kindOf(name: string): Kind {
  if (name.endsWith("街道")) return "街道";
  return name.at(-1) as Kind;
}

export function provinceShort(name: string): string {
  return name.replace(/(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/, "");
}

/** 长沙市 → 长沙; prefectures with long ethnic names have no short form worth using. */
export function cityShort(name: string): string | null {
  if (/自治州$/.test(name)) return null;
  const short = name.replace(/(市|地区|盟)$/, "");
  return short.length >= 2 && short.length <= 4 ? short : null;
}

function isTownship(s: Street): boolean {
  return TOWNSHIP_NAME.test(s.name) && !NOT_A_TOWNSHIP.test(s.name);
}

function toDistrict(area: Area, data: DivisionList): District {
  const province = data.provinceByCode.get(area.provinceCode)!.name;
  const cityName = data.cities.get(area.cityCode)?.name ?? "";
  // Municipalities list their districts under 市辖区/县; reports write the municipality.
  const municipal = cityName === "市辖区" || cityName === "县";
  const direct = cityName.endsWith("直辖县级行政区划");
  const city = municipal ? province : direct ? null : cityName;
  return {
    code: area.code,
    name: area.name,
    kind: kindOf(area.name),
    city,
    cityCode: area.cityCode,
    province,
    provinceCode: area.provinceCode,
    cityShort: city && !municipal ? cityShort(city) : null,
    provinceShort: provinceShort(province),
    townships: (data.streetsByArea.get(area.code) ?? []).filter(isTownship).map((s) => s.name),
  };
}

export function choosePlaces(data: DivisionList, rng: Rng, options: PlaceOptions): PlacePool {
  const provinceCodes = rng.sample(
    data.provinces.map((p) => p.code),
    options.provinces,
  );
  const chosen = new Set(provinceCodes);
  const eligible = data.areas.filter(
    (a) => chosen.has(a.provinceCode) && DISTRICT_NAME.test(a.name) && !NOT_A_GOVERNMENT.test(a.name),
  );
  // Keep the division list's order (by code) so the pool reads naturally when listed.
  const districts = rng
    .sample(eligible, options.districts)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((a) => toDistrict(a, data));

  const jurisdictions: Jurisdiction[] = [];
  for (const d of districts) {
    jurisdictions.push({ code: d.code, name: d.name, level: "DISTRICT", kind: d.kind, district: d });
    const townships = (data.streetsByArea.get(d.code) ?? []).filter(isTownship);
    for (const s of rng.sample(townships, options.townshipsPerDistrict).sort((a, b) => a.code.localeCompare(b.code))) {
      jurisdictions.push({ code: s.code, name: s.name, level: "TOWNSHIP", kind: kindOf(s.name), district: d });
    }
  }

  const byCity = new Map<string, Jurisdiction[]>();
  const byProvince = new Map<string, Jurisdiction[]>();
  for (const j of jurisdictions) {
    for (const [map, key] of [
      [byCity, j.district.cityCode],
      [byProvince, j.district.provinceCode],
    ] as const) {
      const list = map.get(key);
      if (list) list.push(j);
      else map.set(key, [j]);
    }
  }
  return {
    provinces: provinceCodes.map((c) => data.provinceByCode.get(c)!.name),
    districts,
    jurisdictions,
    byCity,
    byProvince,
  };
}

// ---------------------------------------------------------------- how a place is written

/** The place as a title writes it, with a varying amount of its parent chain. */
export function titlePlace(j: Jurisdiction, rng: Rng): string {
  const d = j.district;
  const city = d.city ?? "";
  if (j.level === "DISTRICT") return rng.chance(0.6) ? city + d.name : d.name;
  const r = rng.next();
  if (r < 0.45) return city + d.name + j.name;
  if (r < 0.85) return d.name + j.name;
  return j.name;
}

/** The body that writes the report: 西湖区人民政府, 翠苑街道办事处, 某镇人民政府. */
export function government(j: Jurisdiction): string {
  return j.kind === "街道" ? `${j.name}办事处` : `${j.name}人民政府`;
}

/** Party committee of the jurisdiction, short form: 区委, 街道党工委, 镇党委. */
export function partyShort(kind: Kind): string {
  switch (kind) {
    case "街道":
      return "街道党工委";
    case "镇":
    case "乡":
      return `${kind}党委`;
    default:
      return `${kind}委`;
  }
}

/** How the report refers to its own body: 我区, 街道, 我镇 ... */
export function selfName(kind: Kind, rng: Rng): string {
  if (kind === "街道") return rng.pick(["街道", "我街道", "本街道"]);
  return rng.pick([`我${kind}`, `全${kind}`, `我${kind}`]);
}

/** The level above, which the report is addressed to and led by. */
export function upper(j: Jurisdiction): { full: string; short: string } {
  const d = j.district;
  if (j.level === "TOWNSHIP") {
    const k = d.kind;
    return { full: `中共${d.name}委、${d.name}人民政府`, short: `${k}委、${k}政府` };
  }
  if (d.city) {
    // Prefectures (地区, 盟) are run by a 行政公署, not a people's government.
    const prefecture = /(地区|盟)$/.exec(d.city);
    if (prefecture) {
      const stem = d.city.endsWith("盟") ? d.city : d.city.slice(0, -2);
      return { full: `中共${stem}委、${stem}行政公署`, short: prefecture[1] === "盟" ? "盟委、行署" : "地委、行署" };
    }
    const k = d.city.endsWith("州") ? "州" : d.city.at(-1)!;
    return { full: `中共${d.city}委、${d.city}人民政府`, short: `${k}委、${k}政府` };
  }
  if (d.province.endsWith("省")) return { full: `中共${d.province}委、${d.province}人民政府`, short: "省委、省政府" };
  return { full: `中共${d.province}委员会、${d.province}人民政府`, short: "区党委、区政府" };
}
