// Query.metrics, compareMetrics and metricKinds, and the relationships of a Metric.
import { Arg, Args, Ctx, FieldResolver, Float, Int, ObjectType, Field, Query, Resolver, Root } from "type-graphql";
import { METRIC_KINDS, kindsNamed, metricKindById } from "../../extract/metric-kinds.js";
import { countMetrics, figuresToCompare, findMetrics } from "../../graph/read/metrics.js";
import type { Context } from "../context.js";
import { badInput, notFound } from "../errors.js";
import { COMPARED_UNITS_PER_PLACE_YEAR } from "../guard/list-bounds.js";
import { comparisonRows } from "../metric-comparison.js";
import { PageArgs, pageWindow, toConnection } from "../pagination.js";
import { Jurisdiction, Metric, MetricConnection, Report, toJurisdiction, toMetric, toReport } from "../types/entities.js";
import { MetricKind, toMetricKind } from "../types/metric-kind.js";
import { checkCode, findPlaceByCodeOrName } from "./places.js";

/** compareMetrics may gather up to this many figures before grouping them. */
const MAX_COMPARED = 2000;
const MAX_COMPARED_PLACES = 50;

@ObjectType({ description: "The figures of one place within a compared city or district (the roll-up)" })
export class MetricPlaceFigures {
  @Field(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Field(() => [Metric])
  metrics!: Metric[];

  @Field(() => Float, { nullable: true, description: "counts: the sum of the figures' baseValue, leaving out those stated as part of another (其中 …); null for rates or when every figure is such a part" })
  total!: number | null;

  @Field(() => Boolean, {
    description: "whether withinTotal adds this place: false when a place between it and the compared one states the figure too (a township's count is part of its district's)",
  })
  inTotal!: boolean;
}

@ObjectType({
  description:
    "One place's figures for one year in one base unit, for side-by-side comparison. A row never mixes base units: a place and year with figures in two units get two rows (at most three, the units with most figures first), each with mixedUnits true",
})
export class MetricComparison {
  @Field(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => String, { nullable: true, description: "the base unit of every figure in this row (Metric.baseUnit: 万/亿 multiplied out); null when there are none" })
  baseUnit!: string | null;

  @Field(() => String, { nullable: true, description: "count (summed) or rate (%, listed, never summed); null when there are no figures" })
  measure!: string | null;

  @Field(() => Boolean, { description: "true when this place and year have figures in more than one base unit: each unit is its own row" })
  mixedUnits!: boolean;

  @Field(() => [Metric], { description: "the place's own figures" })
  metrics!: Metric[];

  @Field(() => Float, { nullable: true, description: "counts: the sum of the own figures' baseValue, leaving out those stated as part of another (其中 …: listed in metrics, not added twice); null for rates or when every figure is such a part" })
  total!: number | null;

  @Field(() => [MetricPlaceFigures], {
    description: "for a city or district: the figures of the places within it, per place, largest total first (at most 10 listed; withinTotal counts them all)",
  })
  within!: MetricPlaceFigures[];

  @Field(() => Float, { nullable: true, description: "counts: the sum over the places within that are inTotal, leaving out figures stated as part of another (其中 …); null for rates or when none state the figure" })
  withinTotal!: number | null;

  @Field(() => Boolean, { description: "a summed figure was stated as about or over (约, 余): the sums are not exact counts" })
  approximate!: boolean;
}

/** The kinds compared: the one named by `kind`, else those `key` names (id, label or signal phrase); empty: compare by key phrase. */
function kindsAsked(key: string | null, kind: string | null): string[] {
  if (kind !== null) {
    const named = kindsNamed(kind);
    if (!named.length) throw badInput(`kind: no figure kind ${JSON.stringify(kind)}; metricKinds lists them`);
    return named.map((k) => k.id);
  }
  return key !== null ? kindsNamed(key).map((k) => k.id) : [];
}

function keyAndKind(key: string | null | undefined, kind: string | null | undefined): { key: string | null; kind: string | null } {
  const k = key?.trim() || null;
  const t = kind?.trim() || null;
  if (k === null && t === null) throw badInput("key or kind: give part of a figure's key phrase (出庭应诉率) or a kind (legal-consultations)");
  return { key: k, kind: t };
}

@Resolver(() => Metric)
export class MetricResolver {
  @Query(() => MetricConnection, {
    nullable: true,
    description: "Figures whose key phrase contains key, or of a kind (metricKinds), optionally for one place (exactly) and year",
  })
  async metrics(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("key", () => String, { nullable: true }) key?: string | null,
    @Arg("kind", () => String, { nullable: true, description: "a kind's id or label (metricKinds)" }) kind?: string | null,
    @Arg("jurisdiction", () => String, { nullable: true, description: "division code or unique name" }) jurisdiction?: string | null,
    @Arg("year", () => Int, { nullable: true }) year?: number | null,
  ) {
    const asked = keyAndKind(key, kind);
    const window = pageWindow(args, ctx.limits);
    const place = jurisdiction ? await findPlaceByCodeOrName(ctx, jurisdiction) : null;
    const kinds = asked.kind !== null ? kindsAsked(null, asked.kind) : null;
    const filter = { key: asked.key, kinds, year: year ?? null, jurisdictions: place ? [place.code] : null, years: null };
    const page = () => findMetrics(ctx.db, filter, window);
    return toConnection(page, window, toMetric, () => countMetrics(ctx.db, filter));
  }

  @Query(() => [MetricComparison], {
    nullable: true,
    description:
      "A figure side by side: one row per place, year and base unit, in the order the places were given. Compared by kind when key or kind names one (出庭应诉率, 法律咨询, legal-consultations; see metricKinds), else by key phrase. A city or district also rolls up the places within it (within, withinTotal)",
  })
  async compareMetrics(
    @Ctx() ctx: Context,
    @Arg("jurisdictions", () => [String], { description: "division codes" }) jurisdictions: string[],
    @Arg("key", () => String, { nullable: true, description: "a kind's signal phrase or label, or part of a key phrase" }) key?: string | null,
    @Arg("kind", () => String, { nullable: true, description: "a kind's id or label (metricKinds)" }) kind?: string | null,
    @Arg("years", () => [Int], { nullable: true }) years?: number[] | null,
    @Arg("within", () => Boolean, { defaultValue: true, description: "roll up the places within a compared city or district" }) within?: boolean,
  ): Promise<MetricComparison[]> {
    const asked = keyAndKind(key, kind);
    if (!jurisdictions.length || jurisdictions.length > MAX_COMPARED_PLACES) {
      throw badInput(`jurisdictions: give 1 to ${MAX_COMPARED_PLACES} division codes`);
    }
    // a place named twice is one row
    const codes = [...new Set(jurisdictions.map((c) => checkCode(c, "jurisdictions")))];
    const kinds = kindsAsked(asked.key, asked.kind);
    const { places, figures, inside } = await figuresToCompare(
      ctx.db,
      { key: asked.key, kinds: kinds.length ? kinds : null, years: years?.length ? years : null, codes, within: within !== false },
      MAX_COMPARED,
    );
    const placeOf = new Map(places.map((p) => [p.code, p]));
    const missing = codes.find((c) => !placeOf.has(c));
    if (missing) throw notFound(`jurisdiction ${missing}`);
    const insidePlaces = new Map(inside.map((p) => [p.code, p]));
    for (const place of [...places, ...inside]) ctx.loaders.jurisdiction.prime(place.code, place);
    const rows = comparisonRows(codes, years?.length ? years : null, figures, COMPARED_UNITS_PER_PLACE_YEAR);
    return rows.map((row) =>
      Object.assign(new MetricComparison(), {
        ...row,
        jurisdiction: toJurisdiction(placeOf.get(row.code)!),
        metrics: row.metrics.map(toMetric),
        within: row.within
          .filter((p) => insidePlaces.get(p.code))
          .map((p) => Object.assign(new MetricPlaceFigures(), { ...p, jurisdiction: toJurisdiction(insidePlaces.get(p.code)!), metrics: p.metrics.map(toMetric) })),
      }),
    );
  }

  @Query(() => [MetricKind], { description: "The kinds of figure that compare across places (data/metric-kinds.json)" })
  metricKinds(): MetricKind[] {
    return METRIC_KINDS.map(toMetricKind);
  }

  @FieldResolver(() => MetricKind, { nullable: true, description: "the figure's kind, when it is one of metricKinds" })
  kind(@Root() metric: Metric): MetricKind | null {
    const kind = metric.kindId ? metricKindById(metric.kindId) : undefined;
    return kind ? toMetricKind(kind) : null;
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
