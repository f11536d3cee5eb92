// Query.program, recurringPrograms, sharedPrograms, and the relationships of a Program.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import { programWith, type ProgramWants } from "../../graph/read/lookups.js";
import type { JurisdictionRecord, PageWindow } from "../../graph/read/records.js";
import {
  countPlacesOfProgram,
  countRecurringPrograms,
  countReportsMentioningProgram,
  recurringPrograms,
  recurringProgramsCounted,
  sharedPrograms,
  type PlaceFilter,
} from "../../graph/read/rollups.js";
import { countTimelinePlaces, programTimeline } from "../../graph/read/timeline.js";
import type { Context } from "../context.js";
import { listBound } from "../guard/list-bounds.js";
import { badInput, notFound, quote } from "../errors.js";
import { PageArgs, pageWindow, toConnection, type PageLimits } from "../pagination.js";
import { selectedFields, selectionsOf, type SelectedField } from "../selection.js";
import { Jurisdiction, Program, ReportConnection, toJurisdiction, toProgram, toReport } from "../types/entities.js";
import { Level } from "../types/node.js";
import { Evidence, MentionConnection, ProgramPlaceConnection, RecurringProgram, RecurringProgramConnection, TimelinePlaceConnection } from "../types/relations.js";
import { MENTIONS_DESCRIPTION, mentionConnection } from "./mentions.js";
import { checkCode, findPlaceByCodeOrName } from "./places.js";

const EVIDENCE_PER_PROGRAM = 3;
/** RecurringProgram.jurisdictions lists at most as many places as the query analysis counts it at. */
const MAX_LISTED_PLACES = listBound("RecurringProgram", "jurisdictions");

function checkYear(year: number | null | undefined): number | null {
  if (year === null || year === undefined) return null;
  if (year < 1949 || year > 2100) throw badInput(`year: expected a year such as 2023, got ${year}`);
  return year;
}

/**
 * Reports are written by townships and above and rolled up from there, so places can be counted
 * at TOWNSHIP, DISTRICT, CITY or PROVINCE; COMMUNITY has no roll-up and would mix levels.
 */
function checkRollupLevel(level: Level): Level {
  if (level === Level.COMMUNITY) {
    throw badInput("level: reports are counted by TOWNSHIP, DISTRICT, CITY or PROVINCE; COMMUNITY is not a level reports roll up to");
  }
  return level;
}

/** program.jurisdictions' filter from its arguments (refused as BAD_USER_INPUT when invalid). */
function placeFilterOf(level: Level, year: number | null | undefined, within: string | null | undefined): PlaceFilter {
  return { level: checkRollupLevel(level), year: checkYear(year), within: within ? checkCode(within, "within") : null };
}

/** The reportsMentioning loader's arguments for a programme's reports. */
const reportsArgs = (year: number | null, page: PageWindow) => ({ label: "Program" as const, year, page });

/** The pages of a programme's lists the query asks for, so that one statement reads them (invalid ones are left to their resolvers to refuse). */
function programWants(fields: SelectedField[], limits: PageLimits): ProgramWants {
  const wants: ProgramWants = { places: [], reports: [] };
  const valid = <T>(make: () => T) => {
    try {
      return make();
    } catch {
      return null;
    }
  };
  for (const args of selectionsOf(fields, "jurisdictions")) {
    const a = args as PageArgs & { level?: Level; year?: number | null; within?: string | null };
    const place = valid(() => ({ filter: placeFilterOf(a.level ?? Level.DISTRICT, a.year, a.within), window: pageWindow(a, limits) }));
    if (place) wants.places.push(place);
  }
  for (const args of selectionsOf(fields, "reports")) {
    const a = args as PageArgs & { year?: number | null };
    const report = valid(() => ({ year: checkYear(a.year), window: pageWindow(a, limits) }));
    if (report) wants.reports.push(report);
  }
  return wants;
}

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => Program, { nullable: true, description: "A programme by canonical name or any alias (quotes and a leading 新时代 are ignored); null, with a NOT_FOUND error, when there is none" })
  async program(@Ctx() ctx: Context, @Arg("name", () => String) name: string, @Info() info?: GraphQLResolveInfo): Promise<Program> {
    if (!name.trim()) throw badInput("name: give a programme's name");
    const wants = info ? programWants(selectedFields(info), ctx.limits) : { places: [], reports: [] };
    const found = await programWith(ctx.db, name, wants);
    if (!found) throw notFound(`programme ${quote(name)}`);
    const { key } = found.program;
    ctx.loaders.program.prime(key, found.program);
    wants.places.forEach((args, i) => ctx.loaders.placesOfProgram.prime({ id: key, args: { filter: args.filter, page: args.window } }, found.places[i]!));
    wants.reports.forEach((args, i) => ctx.loaders.reportsMentioning.prime({ id: key, args: reportsArgs(args.year, args.window) }, found.reports[i]!));
    return toProgram(found.program);
  }

  @Query(() => RecurringProgramConnection, {
    nullable: true,
    description: "Programmes that reports from at least minJurisdictions distinct places of a level mention, most widespread first",
  })
  async recurringPrograms(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("level", () => Level, { defaultValue: Level.DISTRICT }) level: Level,
    @Arg("minJurisdictions", () => Int, { defaultValue: 2 }) minJurisdictions: number,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
    @Arg("within", () => String, { nullable: true, description: "a division code the places must lie in" }) within?: string | null,
  ) {
    if (minJurisdictions < 1) throw badInput(`minJurisdictions: expected 1 or more, got ${minJurisdictions}`);
    checkRollupLevel(level);
    const window = pageWindow(args, ctx.limits);
    const filter = { level, year: checkYear(year), within: within ? checkCode(within, "within") : null };
    const wanted = { ...filter, min: minJurisdictions };
    let page = () => recurringPrograms(ctx.db, wanted, window);
    let count = () => countRecurringPrograms(ctx.db, wanted);
    // Asked for the page and its total, both come from one statement.
    const fields = selectedFields(info);
    if (fields.some((f) => f.name === "totalCount") && fields.some((f) => f.name === "edges" || f.name === "pageInfo")) {
      let both: ReturnType<typeof recurringProgramsCounted> | null = null;
      const read = () => (both ??= recurringProgramsCounted(ctx.db, wanted, window));
      page = () => read().then((r) => r.page);
      count = () => read().then((r) => r.count);
    }
    return toConnection(page, window, (r): RecurringProgram => Object.assign(new RecurringProgram(), { ...r, program: toProgram(r.program), filter }), count);
  }

  @Query(() => [Program], { nullable: true, description: "Programmes that reports from within both places mention" })
  async sharedPrograms(
    @Ctx() ctx: Context,
    @Arg("a", () => String, { description: "division code or unique name" }) a: string,
    @Arg("b", () => String, { description: "division code or unique name" }) b: string,
  ): Promise<Program[]> {
    const [first, second] = await Promise.all([findPlaceByCodeOrName(ctx, a), findPlaceByCodeOrName(ctx, b)]);
    return (await sharedPrograms(ctx.db, first.code, second.code)).map(toProgram);
  }

  @FieldResolver(() => ProgramPlaceConnection, { nullable: true, description: "places (at a level) whose reports mention it" })
  async jurisdictions(
    @Root() program: Program,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("level", () => Level, { defaultValue: Level.DISTRICT }) level: Level,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
    @Arg("within", () => String, { nullable: true }) within?: string | null,
  ) {
    const window = pageWindow(args, ctx.limits);
    const filter = placeFilterOf(level, year, within);
    const page = () => ctx.loaders.placesOfProgram.load({ id: program.key, args: { filter, page: window } });
    return toConnection(page, window, (p) => ({ ...p, jurisdiction: toJurisdiction(p.jurisdiction) }), () => countPlacesOfProgram(ctx.db, program.key, filter));
  }

  @FieldResolver(() => ReportConnection, { nullable: true, description: "reports that mention it, newest first" })
  async reports(
    @Root() program: Program,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
  ) {
    const window = pageWindow(args, ctx.limits);
    const wanted = checkYear(year);
    const page = () => ctx.loaders.reportsMentioning.load({ id: program.key, args: reportsArgs(wanted, window) });
    return toConnection(page, window, toReport, () => countReportsMentioningProgram(ctx.db, program.key, wanted));
  }

  @FieldResolver(() => MentionConnection, { nullable: true, description: MENTIONS_DESCRIPTION })
  async mentions(@Root() program: Program, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs) {
    return mentionConnection(ctx, "Program", program.key, args);
  }

  @Query(() => TimelinePlaceConnection, {
    nullable: true,
    description: "Where a programme runs over time: places (at a level) whose reports mention it, earliest first, with report counts per year",
  })
  async programTimeline(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("name", () => String, { description: "canonical name or any alias" }) name: string,
    @Arg("level", () => Level, { defaultValue: Level.DISTRICT }) level: Level,
    @Arg("within", () => String, { nullable: true, description: "a division code the places must lie in" }) within?: string | null,
  ) {
    const window = pageWindow(args, ctx.limits);
    const program = await this.program(ctx, name);
    const filter = { level, within: within ? checkCode(within, "within") : null };
    const page = () => programTimeline(ctx.db, program.key, filter, window);
    return toConnection(page, window, (p) => ({ ...p, jurisdiction: toJurisdiction(p.jurisdiction) }), () => countTimelinePlaces(ctx.db, program.key, filter));
  }
}

@Resolver(() => RecurringProgram)
export class RecurringProgramResolver {
  @FieldResolver(() => [Jurisdiction], { description: "the places counted, by code" })
  async jurisdictions(@Root() recurring: RecurringProgram, @Ctx() ctx: Context): Promise<Jurisdiction[]> {
    const codes = await ctx.loaders.placeCodesOfProgram.load({ id: recurring.program.key, args: { filter: recurring.filter, limit: MAX_LISTED_PLACES } });
    const places = await ctx.loaders.jurisdiction.loadMany(codes);
    return places.filter((p): p is JurisdictionRecord => !!p && !(p instanceof Error)).map(toJurisdiction);
  }

  @FieldResolver(() => [Evidence], { description: "a few sentences, one per place" })
  async evidence(@Root() recurring: RecurringProgram, @Ctx() ctx: Context): Promise<Evidence[]> {
    return ctx.loaders.recurringEvidence.load({ id: recurring.program.key, args: { filter: recurring.filter, places: EVIDENCE_PER_PROGRAM } });
  }
}
