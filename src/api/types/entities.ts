// Output types of the graph's entities. Scalar fields map from the read records; relationship
// fields are resolved in ../resolvers/.
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../ids.js";
import type {
  JurisdictionRecord,
  LawFirmRecord,
  LawRecord,
  MetricRecord,
  PersonRecord,
  ProgramRecord,
  ReportRecord,
  UnlinkedPlaceRecord,
} from "../../graph/read/records.js";
import { ConnectionType } from "../pagination.js";
import { Level, Node, type Typed } from "./node.js";
import { ReportSource } from "./report-source.js";

@ObjectType({ implements: Node, description: "A division of the national list: province down to community" })
export class Jurisdiction extends Node implements Typed {
  __type = "Jurisdiction" as const;

  @Field(() => String, { description: "official division code (2, 4, 6, 9 or 12 digits)" })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Level)
  level!: Level;

  record!: JurisdictionRecord;
}

@ObjectType({ implements: Node, description: "A programme, campaign or mechanism that places run" })
export class Program extends Node implements Typed {
  __type = "Program" as const;

  @Field(() => String)
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => String, { nullable: true, description: "lexicon category, or discovered" })
  category!: string | null;
}

@ObjectType({ implements: Node, description: "A law, regulation or official document" })
export class Law extends Node implements Typed {
  __type = "Law" as const;

  @Field(() => String)
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String])
  aliases!: string[];
}

@ObjectType({ implements: Node })
export class LawFirm extends Node implements Typed {
  __type = "LawFirm" as const;

  @Field(() => String)
  key!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ implements: Node, description: "A named person acting in the reported work: lawyer, mediator, official" })
export class Person extends Node implements Typed {
  __type = "Person" as const;

  @Field(() => String)
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  role!: string | null;
}

@ObjectType({ implements: Node, description: "One annual report" })
export class Report extends Node implements Typed {
  __type = "Report" as const;

  @Field(() => ID, { description: "the sha256 of the report's normalized text" })
  reportId!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => Int, { nullable: true, description: "the year reported on" })
  year!: number | null;

  @Field(() => String, { nullable: true, description: "yyyy-mm-dd" })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => Int)
  textLength!: number;

  @Field(() => ReportSource, { nullable: true, description: "where and how it was read (null for reports written before sources were kept)" })
  source!: ReportSource | null;

  subjectCode!: string | null;
}

@ObjectType({ implements: Node, description: "A figure a report states" })
export class Metric extends Node implements Typed {
  __type = "Metric" as const;

  @Field(() => String, { description: "the key phrase naming what was counted" })
  key!: string;

  @Field(() => Float, { description: "the number as written: 1.3 in 办理1.3万件, 3654.02 in 3654.02万元" })
  value!: number;

  @Field(() => String, { description: "unit as written, a 万 or 亿 before it included: %, 件, 人次, 万件, 万元 ..." })
  unit!: string;

  @Field(() => Float, {
    description: "the value in baseUnit, what figures are compared and summed by: 万 and 亿 multiplied out (1.3 万件 → 13000, 3654.02 万元 → 36540200)",
  })
  baseValue!: number;

  @Field(() => String, { description: "the unit without 万/亿 and in one spelling (万件 → 件, 万元 → 元, 人(次) → 人次)" })
  baseUnit!: string;

  @Field(() => String, { description: "exact, about (约/近) or over (余/多/以上)" })
  qualifier!: string;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => String, { description: "the sentence the figure came from" })
  sentence!: string;

  @Field(() => Int, { description: "character offset of the figure in the report text" })
  start!: number;

  @Field(() => Int)
  end!: number;

  reportId!: string;
  jurisdictionCode!: string | null;
  /** data/metric-kinds.json id, resolved to its MetricKind by the resolver */
  kindId!: string | null;
}

@ObjectType({
  implements: Node,
  description:
    "A place or community name the extractor could not link to a division code: kept as written, one per name within the place whose report names it, never merged with a coded place",
})
export class UnlinkedPlace extends Node implements Typed {
  __type = "UnlinkedPlace" as const;

  @Field(() => String, { description: "name@code of the place whose report names it (name@report:id when that place is unknown)" })
  key!: string;

  @Field(() => String, { description: "the name as written (or the official name every reading shares)" })
  name!: string;

  @Field(() => String, { description: "Jurisdiction or Community, as the extractor read the name" })
  kind!: string;

  @Field(() => Level, { nullable: true, description: "the level every reading shares, if any" })
  level!: Level | null;

  @Field(() => [String], { description: "division codes the name could stand for (empty when the list has none)" })
  candidateCodes!: string[];

  /** code of the linked place of the report that names it */
  withinCode!: string | null;
}

export const toJurisdiction = (r: JurisdictionRecord): Jurisdiction =>
  Object.assign(new Jurisdiction(), { id: toGlobalId("Jurisdiction", r.code), code: r.code, name: r.name, level: r.level as Level, record: r });
export const toProgram = (r: ProgramRecord): Program => Object.assign(new Program(), { ...r, id: toGlobalId("Program", r.key) });
export const toLaw = (r: LawRecord): Law => Object.assign(new Law(), { ...r, id: toGlobalId("Law", r.key) });
export const toLawFirm = (r: LawFirmRecord): LawFirm => Object.assign(new LawFirm(), { ...r, id: toGlobalId("LawFirm", r.key) });
export const toPerson = (r: PersonRecord): Person => Object.assign(new Person(), { ...r, id: toGlobalId("Person", r.key) });
export const toReport = (r: ReportRecord): Report =>
  Object.assign(new Report(), { ...r, reportId: r.id, id: toGlobalId("Report", r.id) });
export const toUnlinkedPlace = (r: UnlinkedPlaceRecord): UnlinkedPlace =>
  Object.assign(new UnlinkedPlace(), {
    id: toGlobalId("UnlinkedPlace", r.key),
    key: r.key,
    name: r.name,
    kind: r.kind,
    level: (r.level as Level | null) ?? null,
    candidateCodes: r.candidates,
    withinCode: r.within,
  });
export const toMetric = ({ kind, ...r }: MetricRecord): Metric =>
  Object.assign(new Metric(), { ...r, kindId: kind, id: toGlobalId("Metric", r.id) });

export const JurisdictionConnection = ConnectionType(Jurisdiction, "Jurisdiction");
export const ProgramConnection = ConnectionType(Program, "Program");
export const LawFirmConnection = ConnectionType(LawFirm, "LawFirm");
export const ReportConnection = ConnectionType(Report, "Report");
export const MetricConnection = ConnectionType(Metric, "Metric");
