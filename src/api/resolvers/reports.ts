// Query.reports and what a Report mentions.
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { countReports, listReports } from "../../graph/read/reports.js";
import type { Context } from "../context.js";
import { PageArgs, pageWindow, toConnection } from "../pagination.js";
import {
  Jurisdiction,
  Law,
  LawFirm,
  Metric,
  Person,
  Program,
  Report,
  ReportConnection,
  toJurisdiction,
  toLaw,
  toLawFirm,
  toMetric,
  toPerson,
  toProgram,
} from "../types/entities.js";
import { toReport } from "../types/entities.js";
import { ReportTextPage } from "../types/report-source.js";
import { badInput } from "../errors.js";
import { checkCode } from "./places.js";

/** The most text one request may take from one report: a few screens, not the whole corpus. */
export const MAX_TEXT_PAGE = 20_000;

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => ReportConnection, { nullable: true, description: "Reports, newest first, filtered by year, exact subject, or region" })
  async reports(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
    @Arg("subject", () => String, { nullable: true, description: "division code of the writing body" }) subject?: string | null,
    @Arg("within", () => String, { nullable: true, description: "division code the subject lies in" }) within?: string | null,
  ) {
    const window = pageWindow(args, ctx.limits);
    const filter = { year: year ?? null, subject: subject ? checkCode(subject, "subject") : null, within: within ? checkCode(within, "within") : null };
    return toConnection(() => listReports(ctx.db, filter, window), window, toReport, () => countReports(ctx.db, filter));
  }

  @FieldResolver(() => Jurisdiction, { nullable: true, description: "the place whose body wrote it" })
  async subject(@Root() report: Report, @Ctx() ctx: Context): Promise<Jurisdiction | null> {
    const place = report.subjectCode ? await ctx.loaders.jurisdiction.load(report.subjectCode) : null;
    return place ? toJurisdiction(place) : null;
  }

  @FieldResolver(() => [Program])
  async programs(@Root() report: Report, @Ctx() ctx: Context): Promise<Program[]> {
    return (await ctx.loaders.reportContents.load(report.reportId)).programs.map(toProgram);
  }

  @FieldResolver(() => [Law])
  async laws(@Root() report: Report, @Ctx() ctx: Context): Promise<Law[]> {
    return (await ctx.loaders.reportContents.load(report.reportId)).laws.map(toLaw);
  }

  @FieldResolver(() => [LawFirm])
  async lawFirms(@Root() report: Report, @Ctx() ctx: Context): Promise<LawFirm[]> {
    return (await ctx.loaders.reportContents.load(report.reportId)).lawFirms.map(toLawFirm);
  }

  @FieldResolver(() => [Person])
  async persons(@Root() report: Report, @Ctx() ctx: Context): Promise<Person[]> {
    return (await ctx.loaders.reportContents.load(report.reportId)).persons.map(toPerson);
  }

  @FieldResolver(() => [Jurisdiction], { description: "every place and community it names" })
  async places(@Root() report: Report, @Ctx() ctx: Context): Promise<Jurisdiction[]> {
    return (await ctx.loaders.reportContents.load(report.reportId)).places.map(toJurisdiction);
  }

  @FieldResolver(() => [Metric], { description: "its figures, in text order" })
  async metrics(@Root() report: Report, @Ctx() ctx: Context): Promise<Metric[]> {
    return (await ctx.loaders.reportMetrics.load(report.reportId)).map(toMetric);
  }

  @FieldResolver(() => ReportTextPage, {
    nullable: true,
    description: `its text from offset, at most length characters (up to ${MAX_TEXT_PAGE}); null when the text was not kept`,
  })
  async text(
    @Root() report: Report,
    @Ctx() ctx: Context,
    @Arg("offset", () => Int, { defaultValue: 0, description: "index of the first character (UTF-16 units, as evidence offsets)" }) offset: number,
    @Arg("length", () => Int, { defaultValue: 2000 }) length: number,
  ): Promise<ReportTextPage | null> {
    if (offset < 0) throw badInput("offset: must be 0 or more");
    if (length < 1 || length > MAX_TEXT_PAGE) throw badInput(`length: from 1 to ${MAX_TEXT_PAGE}`);
    const text = await ctx.loaders.reportText.load(report.reportId);
    if (text === null) return null;
    const page = text.slice(offset, offset + length);
    return { offset: Math.min(offset, text.length), text: page, totalLength: text.length, hasMore: offset + page.length < text.length };
  }
}
