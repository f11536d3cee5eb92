// The relationships of an UnlinkedPlace: the place whose report names it, and those reports.
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { countReportsMentioning } from "../../graph/read/programs.js";
import type { Context } from "../context.js";
import { PageArgs, pageWindow, toConnection } from "../pagination.js";
import { Jurisdiction, ReportConnection, UnlinkedPlace, toJurisdiction, toReport } from "../types/entities.js";
import { MentionConnection } from "../types/relations.js";
import { MENTIONS_DESCRIPTION, mentionConnection } from "./mentions.js";

@Resolver(() => UnlinkedPlace)
export class UnlinkedPlaceResolver {
  @FieldResolver(() => Jurisdiction, { nullable: true, description: "the place whose report names it (null when that report's place is unknown too)" })
  async within(@Root() place: UnlinkedPlace, @Ctx() ctx: Context): Promise<Jurisdiction | null> {
    const found = place.withinCode ? await ctx.loaders.jurisdiction.load(place.withinCode) : null;
    return found ? toJurisdiction(found) : null;
  }

  @FieldResolver(() => ReportConnection, { nullable: true, description: "the reports that name it, newest first" })
  async reports(@Root() place: UnlinkedPlace, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs) {
    const window = pageWindow(args, ctx.limits);
    const page = () => ctx.loaders.reportsMentioning.load({ id: place.key, args: { label: "UnlinkedPlace", year: null, page: window } });
    return toConnection(page, window, toReport, () => countReportsMentioning(ctx.db, "UnlinkedPlace", place.key, null));
  }

  @FieldResolver(() => MentionConnection, { nullable: true, description: MENTIONS_DESCRIPTION })
  async mentions(@Root() place: UnlinkedPlace, @Ctx() ctx: Context, @Args(() => PageArgs) args: PageArgs) {
    return mentionConnection(ctx, "UnlinkedPlace", place.key, args);
  }
}
