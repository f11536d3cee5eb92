// Query.jurisdiction and the relationships of a Jurisdiction.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import { jurisdictionWith, type JurisdictionWants, type JurisdictionWith } from "../../graph/read/lookups.js";
import { countMetrics, findMetrics } from "../../graph/read/metrics.js";
import {
  communitiesWithin,
  countChildren,
  countCommunitiesWithin,
  countJurisdictions,
  countReportsWithin,
  jurisdictionsByName,
  listJurisdictions,
  reportsWithin,
} from "../../graph/read/places.js";
import { countProgramsWithin } from "../../graph/read/rollups.js";
import type { JurisdictionRecord } from "../../graph/read/records.js";
import type { Context } from "../context.js";
import { badInput, notFound, quote } from "../errors.js";
import { listBound } from "../guard/list-bounds.js";
import { PageArgs, pageWindow, toConnection, windowsOf, type PageLimits } from "../pagination.js";
import { selectedFields, selectionsOf, type SelectedField } from "../selection.js";
import {
  Jurisdiction,
  JurisdictionConnection,
  MetricConnection,
  ReportConnection,
  toJurisdiction,
  toLawFirm,
  toMetric,
  toProgram,
  toReport,
} from "../types/entities.js";
import { Level } from "../types/node.js";
import { Advice, Evidence, MentionConnection, PlaceProgram, PlaceProgramConnection } from "../types/relations.js";
import { MENTIONS_DESCRIPTION, mentionConnection } from "./mentions.js";

const CODE = /^\d{2}(?:\d{2}(?:\d{2}(?:\d{3}(?:\d{3})?)?)?)?$/;

export function checkCode(code: string, argument = "code"): string {
  if (!CODE.test(code)) throw badInput(`${argument}: expected a division code of 2, 4, 6, 9 or 12 digits, got ${quote(code)}`);
  return code;
}

/** A place named by code or by its (unique) official name. */
export async function findPlace(ctx: Context, code: string | null | undefined, name: string | null | undefined): Promise<JurisdictionRecord> {
  if (code) {
    const place = await ctx.loaders.jurisdiction.load(checkCode(code));
    if (!place) throw notFound(`jurisdiction ${code}`);
    return place;
  }
  if (!name?.trim()) throw badInput("give a jurisdiction's code or name");
  const places = await jurisdictionsByName(ctx.db, name.trim());
  if (!places.length) throw notFound(`jurisdiction named ${quote(name)}`);
  if (places.length > 1) {
    throw badInput(`${places.length} places are named ${name} (${places.map((p) => p.code).join(", ")}): give the code`);
  }
  return places[0]!;
}

/** A place given as one argument that holds either a division code (all digits) or a name. */
export function findPlaceByCodeOrName(ctx: Context, value: string): Promise<JurisdictionRecord> {
  return /^\d+$/.test(value) ? findPlace(ctx, value, null) : findPlace(ctx, null, value);
}

function parentCode(place: JurisdictionRecord): string | null {
  const chain = [place.provinceCode, place.cityCode, place.districtCode, place.townshipCode].filter((c): c is string => !!c && c !== place.code);
  return chain[chain.length - 1] ?? null;
}

/** What of a place's lists the query asks for, so that one statement reads them. */
function jurisdictionWants(fields: SelectedField[], limits: PageLimits): JurisdictionWants {
  return {
    ancestors: fields.some((f) => f.name === "parent" || f.name === "ancestors"),
    advisers: fields.some((f) => f.name === "lawFirms") ? listBound("Jurisdiction", "lawFirms") : null,
    programs: windowsOf(selectionsOf(fields, "programs"), limits),
  };
}

/** Hands what jurisdictionWith read to the loaders the field resolvers below ask. */
function primeJurisdiction(ctx: Context, wants: JurisdictionWants, found: JurisdictionWith): void {
  const { place, ancestors, advisers, programs } = found;
  ctx.loaders.jurisdiction.prime(place.code, place);
  for (const a of ancestors ?? []) ctx.loaders.jurisdiction.prime(a.code, a);
  if (advisers) ctx.loaders.advisers.prime(place.code, advisers);
  wants.programs.forEach((window, i) => ctx.loaders.programsWithin.prime({ id: place.code, args: window }, programs[i]!));
}

@Resolver(() => Jurisdiction)
export class JurisdictionResolver {
  @Query(() => Jurisdiction, { nullable: true, description: "A place by division code or by official name (名称 must be unique, else give the code); null, with a NOT_FOUND error, when there is none" })
  async jurisdiction(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("code", () => String, { nullable: true }) code?: string | null,
    @Arg("name", () => String, { nullable: true }) name?: string | null,
  ): Promise<Jurisdiction> {
    // By name, the place is found first (names need not be unique); by code, in the same statement.
    const placeCode = code ? checkCode(code) : (await findPlace(ctx, null, name)).code;
    const wants = jurisdictionWants(selectedFields(info), ctx.limits);
    const found = await jurisdictionWith(ctx.db, placeCode, wants);
    if (!found) throw notFound(`jurisdiction ${placeCode}`);
    primeJurisdiction(ctx, wants, found);
    return toJurisdiction(found.place);
  }

  @Query(() => JurisdictionConnection, { nullable: true, description: "Places in the graph (those some report names, and their parents), by code" })
  async jurisdictions(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("level", () => Level, { nullable: true }) level?: Level | null,
    @Arg("within", () => String, { nullable: true }) within?: string | null,
  ) {
    const window = pageWindow(args, ctx.limits);
    const filter = { level: level ?? null, within: within ? checkCode(within, "within") : null };
    const page = () => listJurisdictions(ctx.db, filter, window);
    return toConnection(page, window, toJurisdiction, () => countJurisdictions(ctx.db, filter));
  }

  @FieldResolver(() => Jurisdiction, { nullable: true })
  async parent(@Root() place: Jurisdiction, @Ctx() ctx: Context): Promise<Jurisdiction | null> {
    const code = parentCode(place.record);
    const parent = code ? await ctx.loaders.jurisdiction.load(code) : null;
    return parent ? toJurisdiction(parent) : null;
  }

  @FieldResolver(() => [Jurisdiction], { description: "from the province down to the parent" })
  async ancestors(@Root() place: Jurisdiction, @Ctx() ctx: Context): Promise<Jurisdiction[]> {
    const r = place.record;
    const codes = [r.provinceCode, r.cityCode, r.districtCode, r.townshipCode].filter((c): c is string => !!c && c !== r.code);
    const found = await ctx.loaders.jurisdiction.loadMany(codes);
    return found.filter((p): p is JurisdictionRecord => !!p && !(p instanceof Error)).map(toJurisdiction);
  }

  @FieldResolver(() => JurisdictionConnection, { nullable: true, description: "places directly below, by code" })
  async children(@Root() place: Jurisdiction, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs) {
    const window = pageWindow(args, ctx.limits);
    const page = () => ctx.loaders.children.load({ id: place.code, args: window });
    return toConnection(page, window, toJurisdiction, () => countChildren(ctx.db, place.code));
  }

  @FieldResolver(() => JurisdictionConnection, { nullable: true, description: "communities and villages anywhere below" })
  async communities(@Root() place: Jurisdiction, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs) {
    const window = pageWindow(args, ctx.limits);
    const page = () => communitiesWithin(ctx.db, place.record, window);
    return toConnection(page, window, toJurisdiction, () => countCommunitiesWithin(ctx.db, place.record));
  }

  @FieldResolver(() => ReportConnection, { nullable: true, description: "reports by this place or any place within it, newest first" })
  async reports(
    @Root() place: Jurisdiction,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
  ) {
    const window = pageWindow(args, ctx.limits);
    const page = () => reportsWithin(ctx.db, place.record, year ?? null, window);
    return toConnection(page, window, toReport, () => countReportsWithin(ctx.db, place.record, year ?? null));
  }

  @FieldResolver(() => PlaceProgramConnection, { nullable: true, description: "programmes its reports (and those of places within it) mention, most reported first" })
  async programs(@Root() place: Jurisdiction, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs) {
    const window = pageWindow(args, ctx.limits);
    const page = () => ctx.loaders.programsWithin.load({ id: place.code, args: window });
    return toConnection(
      page,
      window,
      (p): PlaceProgram => Object.assign(new PlaceProgram(), { program: toProgram(p), reports: p.reports, placeCode: place.code, placeLevel: place.level }),
      () => countProgramsWithin(ctx.db, place.code),
    );
  }

  @FieldResolver(() => MentionConnection, { nullable: true, description: MENTIONS_DESCRIPTION })
  async mentions(@Root() place: Jurisdiction, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs) {
    return mentionConnection(ctx, "Jurisdiction", place.code, args);
  }

  @FieldResolver(() => [Advice], { description: "law firms retained as its legal advisers, per report" })
  async lawFirms(@Root() place: Jurisdiction, @Ctx() ctx: Context): Promise<Advice[]> {
    const advice = await ctx.loaders.advisers.load(place.code);
    return advice.map((a) => ({ lawFirm: toLawFirm(a.firm), jurisdiction: place, year: a.year, reportId: a.reportId, sentence: a.sentence }));
  }

  @FieldResolver(() => MetricConnection, { nullable: true, description: "figures stated about this place, by key and year" })
  async metrics(
    @Root() place: Jurisdiction,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("key", () => String, { nullable: true, description: "part of the key phrase" }) key?: string | null,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
  ) {
    const window = pageWindow(args, ctx.limits);
    const filter = { key: key ?? null, year: year ?? null, jurisdictions: [place.code], years: null };
    const page = () => findMetrics(ctx.db, filter, window);
    return toConnection(page, window, toMetric, () => countMetrics(ctx.db, filter));
  }
}

@Resolver(() => PlaceProgram)
export class PlaceProgramResolver {
  @FieldResolver(() => Evidence, { nullable: true, description: "the sentence of the newest report that mentions it" })
  async evidence(@Root() row: PlaceProgram, @Ctx() ctx: Context): Promise<Evidence | null> {
    const found = await ctx.loaders.placeProgramEvidence.load({ id: `${row.placeCode}\u0000${row.program.key}`, args: row.placeLevel });
    return found[0] ?? null;
  }
}
