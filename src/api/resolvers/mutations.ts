// Mutations: add or remove a report. Only requests bearing the configured API key may call them.
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import { GraphQLError } from "graphql";
import { deleteReport } from "../../graph/delete.js";
import { reportsById } from "../../graph/read/reports.js";
import { writeReports } from "../../graph/writer.js";
import type { Context } from "../context.js";
import { badInput, quote } from "../errors.js";
import { fromGlobalId } from "../ids.js";
import { Report, toReport } from "../types/entities.js";

/** Within the 4 MB request limit even for Chinese text (3 bytes a character in UTF-8). */
export const MAX_MUTATION_TEXT = 1_000_000;
/** A source names a file or a URL; longer is not a name (and would not fit Neo4j's index keys). */
export const MAX_SOURCE = 1000;

@ObjectType()
export class IngestResult {
  @Field(() => String, { description: "new, unchanged or updated" })
  status!: string;

  @Field(() => Report)
  report!: Report;
}

function requireKey(ctx: Context): void {
  if (!ctx.authorized) {
    throw new GraphQLError("this mutation needs the API key: send Authorization: Bearer <KG_API_KEY>", {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
  }
}

@Resolver()
export class MutationResolver {
  @Mutation(() => IngestResult, { description: "Extracts a report's text and writes it; the same text again changes nothing" })
  async ingestReport(
    @Ctx() ctx: Context,
    @Arg("text", () => String) text: string,
    @Arg("source", () => String, { nullable: true, description: "where the text came from; a new text from the same source replaces the old" })
    source?: string | null,
  ): Promise<IngestResult> {
    requireKey(ctx);
    if (!text.trim()) throw badInput("text: the report is empty");
    if (text.length > MAX_MUTATION_TEXT) throw badInput(`text: at most ${MAX_MUTATION_TEXT} characters`);
    if (source !== null && source !== undefined) {
      if (!source.trim() || source.length > MAX_SOURCE) throw badInput(`source: give a name of 1 to ${MAX_SOURCE} characters`);
      if (/[\u0000-\u001f\u007f]/.test(source)) throw badInput("source: control characters are not allowed");
    }
    const extraction = await ctx.extractor.extract(text);
    const [written] = (await writeReports(ctx.db, [{ extraction, source: source ?? null }])).reports;
    ctx.onWrite();
    ctx.onReportWritten(written!.status);
    const [record] = await reportsById(ctx.db, [written!.id]);
    return { status: written!.status, report: toReport(record!) };
  }

  @Mutation(() => Boolean, { description: "Removes a report (by reportId or global ID) and what only it held; false when there was none" })
  async deleteReport(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<boolean> {
    requireKey(ctx);
    const global = fromGlobalId(id);
    const reportId = global?.type === "Report" ? global.key : id;
    if (!/^[0-9a-f]{64}$/.test(reportId)) throw badInput(`id: not a report id: ${quote(id)}`);
    const deleted = await deleteReport(ctx.db, reportId);
    if (deleted) {
      ctx.onWrite();
      ctx.onReportWritten("deleted");
    }
    return deleted;
  }
}
