// Query.metrics and compareMetrics, and the relationships of a Metric.
import { Arg, Args, Ctx, FieldResolver, Int, ObjectType, Field, Query, Resolver, Root } from "type-graphql";
import { countMetrics, findMetrics } from "../../graph/read/metrics.js";
import type { Context } from "../context.js";
import { badInput } from "../errors.js";
import { PageArgs, pageWindow, toConnection } from "../pagination.js";
import { Jurisdiction, Metric, MetricConnection, Report, toJurisdiction, toMetric, toReport } from "../types/entities.js";
import { checkCode, findPlace, findPlaceByCodeOrName } from "./places.js";

/** compareMetrics may gather up to this many figures before grouping them. */
const MAX_COMPARED = 2000;
const MAX_COMPARED_PLACES = 50;

@ObjectType({ description: "One place's figures for one year, for side-by-side comparison" })
export class MetricComparison {
  @Field(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => [Metric])
  metrics!: Metric[];
}

@Resolver(() => Metric)
export class MetricResolver {
  @Query(() => MetricConnection, { nullable: true, description: "Figures whose key phrase contains key, optionally for one place (exactly) and year" })
  async metrics(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("key", () => String) key: string,
    @Arg("jurisdiction", () => String, { nullable: true, description: "division code or unique name" }) jurisdiction?: string | null,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
  ) {
    if (!key.trim()) throw badInput("key: give part of a metric's key phrase, e.g. 出庭应诉率");
    const window = pageWindow(args, ctx.limits);
    const place = jurisdiction ? await findPlaceByCodeOrName(ctx, jurisdiction) : null;
    const filter = { key: key.trim(), year: year ?? null, jurisdictions: place ? [place.code] : null, years: null };
    const page = () => findMetrics(ctx.db, filter, window);
    return toConnection(page, window, toMetric, () => countMetrics(ctx.db, filter));
  }

  @Query(() => [MetricComparison], { nullable: true, description: "A metric side by side: one row per place and year, in the order the places were given" })
  async compareMetrics(
    @Ctx() ctx: Context,
    @Arg("key", () => String) key: string,
    @Arg("jurisdictions", () => [String], { description: "division codes" }) jurisdictions: string[],
    @Arg("years", () => [Int], { nullable: true }) years?: number[] | null,
  ): Promise<MetricComparison[]> {
    if (!key.trim()) throw badInput("key: give part of a metric's key phrase, e.g. 出庭应诉率");
    if (!jurisdictions.length || jurisdictions.length > MAX_COMPARED_PLACES) {
      throw badInput(`jurisdictions: give 1 to ${MAX_COMPARED_PLACES} division codes`);
    }
    const codes = jurisdictions.map((c) => checkCode(c, "jurisdictions"));
    const places = await Promise.all(codes.map((c) => findPlace(ctx, c, null)));
    const page = await findMetrics(
      ctx.db,
      { key: key.trim(), year: null, jurisdictions: codes, years: years?.length ? years : null },
      { limit: MAX_COMPARED, after: null },
    );
    const rows: MetricComparison[] = [];
    for (const place of places) {
      const mine = page.items.filter((m) => m.jurisdictionCode === place.code);
      const wanted = years?.length ? years : [...new Set(mine.map((m) => m.year))].sort();
      for (const year of wanted) {
        rows.push({ jurisdiction: toJurisdiction(place), year, metrics: mine.filter((m) => m.year === year).map(toMetric) });
      }
    }
    return rows;
  }

  @FieldResolver(() => Jurisdiction, { nullable: true, description: "the place the figure is about" })
  async jurisdiction(@Root() metric: Metric, @Ctx() ctx: Context): Promise<Jurisdiction | null> {
    const place = metric.jurisdictionCode ? await ctx.loaders.jurisdiction.load(metric.jurisdictionCode) : null;
    return place ? toJurisdiction(place) : null;
  }

  @FieldResolver(() => Report)
  async report(@Root() metric: Metric, @Ctx() ctx: Context): Promise<Report> {
    return toReport((await ctx.loaders.report.load(metric.reportId))!);
  }
}
