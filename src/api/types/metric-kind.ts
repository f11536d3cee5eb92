// The kinds of figure (data/metric-kinds.json) as the API shows them.
import { Field, ObjectType } from "type-graphql";
import type { MetricKind as KindEntry } from "../../extract/metric-kinds.js";

@ObjectType({ description: "A kind of figure reports commonly state (法律咨询, 行政复议 cases, 出庭应诉率 …), from data/metric-kinds.json" })
export class MetricKind {
  @Field(() => String, { description: "stable id, e.g. legal-consultations" })
  id!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { description: "count (summed across places; amounts of money included) or rate (a percentage, listed per place)" })
  measure!: string;

  @Field(() => [String], { description: "phrases a figure's key phrase contains when it is of this kind (the longest one found decides)" })
  signals!: string[];

  @Field(() => [String], { description: "the base units a count of this kind may have; [\"%\"] for a rate" })
  units!: string[];
}

export const toMetricKind = (k: KindEntry): MetricKind =>
  Object.assign(new MetricKind(), { id: k.id, label: k.label, measure: k.measure, signals: k.signals, units: k.units ?? ["%"] });
