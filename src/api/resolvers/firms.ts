// Law firms, lawyers and laws: lookups and their relationships.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import { countLawFirms, lawByName, listLawFirms } from "../../graph/read/firms.js";
import { lawFirmWith } from "../../graph/read/lookups.js";
import { countReportsMentioning } from "../../graph/read/programs.js";
import type { Context } from "../context.js";
import { badInput, notFound, quote } from "../errors.js";
import { listBound } from "../guard/list-bounds.js";
import { PageArgs, pageWindow, toConnection } from "../pagination.js";
import { selectedFields } from "../selection.js";
import { Law, LawFirm, LawFirmConnection, Person, ReportConnection, toJurisdiction, toLaw, toLawFirm, toPerson, toReport } from "../types/entities.js";
import { Advice, MentionConnection } from "../types/relations.js";
import { MENTIONS_DESCRIPTION, mentionConnection } from "./mentions.js";
import { checkCode } from "./places.js";

type MentionedLabel = "Law" | "LawFirm" | "Person";

async function reportsOf(ctx: Context, label: MentionedLabel, key: string, args: PageArgs, year: number | null) {
  const window = pageWindow(args, ctx.limits);
  const page = () => ctx.loaders.reportsMentioning.load({ id: key, args: { label, year, page: window } });
  return toConnection(page, window, toReport, () => countReportsMentioning(ctx.db, label, key, year));
}

@Resolver(() => LawFirm)
export class LawFirmResolver {
  @Query(() => LawFirm, { nullable: true, description: "A firm by its full name (…律所 is read as …律师事务所); null, with a NOT_FOUND error, when there is none" })
  async lawFirm(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("name", () => String) name: string): Promise<LawFirm> {
    if (!name.trim()) throw badInput("name: give a law firm's name");
    // The firm, and the lists the query asks of it, in one statement; the field resolvers find them in the loaders.
    const fields = selectedFields(info);
    const adviceLimit = fields.some((f) => f.name === "advises") ? listBound("LawFirm", "advises") : null;
    const found = await lawFirmWith(ctx.db, name, { advice: adviceLimit, lawyers: fields.some((f) => f.name === "lawyers") });
    if (!found) throw notFound(`law firm ${quote(name)}`);
    const { firm, advice, lawyers } = found;
    ctx.loaders.lawFirm.prime(firm.key, firm);
    if (advice) ctx.loaders.adviceGiven.prime(firm.key, advice);
    if (lawyers) ctx.loaders.lawyers.prime(firm.key, lawyers);
    return toLawFirm(firm);
  }

  @Query(() => LawFirmConnection, { nullable: true, description: "Law firms by name; within: only firms advising places in that division" })
  async lawFirms(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("within", () => String, { nullable: true }) within?: string | null,
  ) {
    const window = pageWindow(args, ctx.limits);
    const region = within ? checkCode(within, "within") : null;
    return toConnection(() => listLawFirms(ctx.db, region, window), window, toLawFirm, () => countLawFirms(ctx.db, region));
  }

  @FieldResolver(() => [Advice], { description: "the places it advises, per report that says so" })
  async advises(@Root() firm: LawFirm, @Ctx() ctx: Context): Promise<Advice[]> {
    const advice = await ctx.loaders.adviceGiven.load(firm.key);
    return advice.map((a) => ({ lawFirm: firm, jurisdiction: toJurisdiction(a.jurisdiction), year: a.year, reportId: a.reportId, sentence: a.sentence }));
  }

  @FieldResolver(() => [Person], { description: "lawyers the reports name with this firm" })
  async lawyers(@Root() firm: LawFirm, @Ctx() ctx: Context): Promise<Person[]> {
    return (await ctx.loaders.lawyers.load(firm.key)).map(toPerson);
  }

  @FieldResolver(() => ReportConnection, { nullable: true })
  async reports(@Root() firm: LawFirm, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs, @Arg("year", () => Int, { nullable: true }) year?: number | null) {
    return reportsOf(ctx, "LawFirm", firm.key, args, year ?? null);
  }

  @FieldResolver(() => MentionConnection, { nullable: true, description: MENTIONS_DESCRIPTION })
  async mentions(@Root() firm: LawFirm, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs) {
    return mentionConnection(ctx, "LawFirm", firm.key, args);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => LawFirm, { nullable: true })
  async lawFirm(@Root() person: Person, @Ctx() ctx: Context): Promise<LawFirm | null> {
    const firm = await ctx.loaders.firmOfPerson.load(person.key);
    return firm ? toLawFirm(firm) : null;
  }

  @FieldResolver(() => ReportConnection, { nullable: true })
  async reports(@Root() person: Person, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs) {
    return reportsOf(ctx, "Person", person.key, args, null);
  }

  @FieldResolver(() => MentionConnection, { nullable: true, description: MENTIONS_DESCRIPTION })
  async mentions(@Root() person: Person, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs) {
    return mentionConnection(ctx, "Person", person.key, args);
  }
}

@Resolver(() => Law)
export class LawResolver {
  @Query(() => Law, { nullable: true, description: "A law or document by name or alias, without 《》; null, with a NOT_FOUND error, when there is none" })
  async law(@Ctx() ctx: Context, @Arg("name", () => String) name: string): Promise<Law> {
    if (!name.trim()) throw badInput("name: give a law's name");
    const law = await lawByName(ctx.db, name);
    if (!law) throw notFound(`law ${quote(name)}`);
    return toLaw(law);
  }

  @FieldResolver(() => ReportConnection, { nullable: true })
  async reports(@Root() law: Law, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs, @Arg("year", () => Int, { nullable: true }) year?: number | null) {
    return reportsOf(ctx, "Law", law.key, args, year ?? null);
  }

  @FieldResolver(() => MentionConnection, { nullable: true, description: MENTIONS_DESCRIPTION })
  async mentions(@Root() law: Law, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs) {
    return mentionConnection(ctx, "Law", law.key, args);
  }
}
