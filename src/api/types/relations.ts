// Output types for relationships and answers that are not entities themselves.
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../pagination.js";
import { Jurisdiction, LawFirm, Program, Report } from "./entities.js";
import { Node } from "./node.js";
import type { PlaceFilter } from "../../graph/read/rollups.js";
import type { RollupLevel } from "../../graph/rollups.js";

@ObjectType({ description: "Where a report says something: the sentence and the character offsets" })
export class Evidence {
  @Field(() => ID, { description: "the report's reportId" })
  reportId!: string;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => String)
  sentence!: string;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}

@ObjectType({ description: "One report's mentions of an entity, with its first few as evidence" })
export class Mention {
  @Field(() => Report)
  report!: Report;

  @Field(() => Int, { description: "how many times the report mentions it" })
  count!: number;

  @Field(() => [Evidence])
  evidence!: Evidence[];
}

@ObjectType({ description: "A place (at the level asked for) whose reports mention a programme" })
export class ProgramPlace {
  @Field(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Field(() => Int, { description: "reports from within the place that mention it" })
  reports!: number;

  @Field(() => Int, { nullable: true })
  firstYear!: number | null;

  @Field(() => Int, { nullable: true })
  lastYear!: number | null;
}

@ObjectType({ description: "A programme and how widely it recurs" })
export class RecurringProgram {
  @Field(() => Program)
  program!: Program;

  @Field(() => Int, { description: "distinct places of the level asked for" })
  jurisdictionCount!: number;

  @Field(() => Int, { nullable: true })
  firstYear!: number | null;

  @Field(() => Int, { nullable: true })
  lastYear!: number | null;

  /** the question it answers, for its jurisdictions and evidence */
  filter!: PlaceFilter;
}

@ObjectType({ description: "A firm retained as legal adviser by a place, as a report says" })
export class Advice {
  @Field(() => LawFirm)
  lawFirm!: LawFirm;

  @Field(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => ID, { description: "reportId of the report that says so" })
  reportId!: string;

  @Field(() => String, { nullable: true, description: "the report's first sentence naming the firm" })
  sentence!: string | null;
}

@ObjectType({ description: "A programme a place runs, with how many of its reports mention it" })
export class PlaceProgram {
  @Field(() => Program)
  program!: Program;

  @Field(() => Int)
  reports!: number;

  /** the place it runs in, for its evidence */
  placeCode!: string;
  placeLevel!: RollupLevel;
}

@ObjectType({ description: "Reports from within a place that mention a programme in one year" })
export class YearCount {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  reports!: number;
}

@ObjectType({ description: "One place's row of a programme's place × year grid" })
export class TimelinePlace {
  @Field(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Field(() => Int, { description: "the first year a report from within the place mentions the programme" })
  firstYear!: number;

  @Field(() => [YearCount], { description: "years with at least one such report, oldest first" })
  years!: YearCount[];
}

@ObjectType({ description: "A search result" })
export class SearchHit {
  @Field(() => Node)
  node!: Node;

  @Field(() => Float)
  score!: number;
}

export const RecurringProgramConnection = ConnectionType(RecurringProgram, "RecurringProgram");
export const ProgramPlaceConnection = ConnectionType(ProgramPlace, "ProgramPlace");
export const PlaceProgramConnection = ConnectionType(PlaceProgram, "PlaceProgram");
export const MentionConnection = ConnectionType(Mention, "Mention");
export const TimelinePlaceConnection = ConnectionType(TimelinePlace, "TimelinePlace");
