// Mutations: add or remove a report. Only requests bearing the configured API key may call them.
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import { GraphQLError } from "graphql";
import { deleteReport } from "../../graph/delete.js";
import { reportsById } from "../../graph/read/reports.js";
import { writeReports } from "../../graph/writer.js";
import { checkSourceUrl } from "../../ingest/sources.js";
import type { Context } from "../context.js";
import { badInput, quote } from "../errors.js";
import { fromGlobalId } from "../ids.js";
import { Report, toReport } from "../types/entities.js";

/** Within the 4 MB request limit even for Chinese text (3 bytes a character in UTF-8). */
export const MAX_MUTATION_TEXT = 1_000_000;
/** A source names a file or a URL; longer is not a name (and would not fit Neo4j's index keys). */
export const MAX_SOURCE = 1000;
/** A file sent as base64 grows by a third: about 3 MB of file fills the 4 MB request limit. */
export const MAX_MUTATION_CONTENT_BYTES = 3 * 1024 * 1024 - 64 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A caller's name for something (source, filename): short, without control characters. */
function checkName(value: string | null | undefined, what: string): void {
  if (value === null || value === undefined) return;
  if (!value.trim() || value.length > MAX_SOURCE) throw badInput(`${what}: give a name of 1 to ${MAX_SOURCE} characters`);
  if (/[\u0000-\u001f\u007f]/.test(value)) throw badInput(`${what}: control characters are not allowed`);
}

/** The bytes of a file sent as base64 content. */
function decodeContent(content: string): Buffer {
  const compact = content.replace(/\s+/g, "");
  if (compact.length > Math.ceil(MAX_MUTATION_CONTENT_BYTES / 3) * 4) throw badInput(`content: at most ${MAX_MUTATION_CONTENT_BYTES} bytes of file`);
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw badInput("content: not base64");
  return Buffer.from(compact, "base64");
}

@ObjectType()
export class IngestResult {
  @Field(() => String, {
    description: "new; updated: a new text from a source that held another, or a report already there whose source or URL changed; unchanged",
  })
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
  @Mutation(() => IngestResult, {
    description: "Extracts a report and writes it; the same text again changes nothing. Send text, or a file (text in any encoding, HTML, PDF, DOCX) as base64 content with its filename",
  })
  async ingestReport(
    @Ctx() ctx: Context,
    @Arg("text", () => String, { nullable: true, description: "the report's text" }) text?: string | null,
    @Arg("source", () => String, { nullable: true, description: "where the text came from; a new text from the same source replaces the old" })
    source?: string | null,
    @Arg("content", () => String, { nullable: true, description: `the report file's bytes in base64 (at most ${MAX_MUTATION_CONTENT_BYTES} bytes), instead of text` })
    content?: string | null,
    @Arg("filename", () => String, { nullable: true, description: "the file's name, with content: its extension helps tell the format" })
    filename?: string | null,
    @Arg("sourceUrl", () => String, { nullable: true, description: "where the report was published (http or https)" })
    sourceUrl?: string | null,
  ): Promise<IngestResult> {
    requireKey(ctx);
    if ((text == null) === (content == null)) throw badInput("give the report as text, or as content (base64) with a filename, not both");
    checkName(source, "source");
    checkName(filename, "filename");
    let url: string | null = null;
    try {
      url = sourceUrl ? checkSourceUrl(sourceUrl, "sourceUrl") : null;
    } catch (error) {
      throw badInput((error as Error).message);
    }
    let read;
    if (text != null) {
      if (filename != null) throw badInput("filename: only with content");
      if (!text.trim()) throw badInput("text: the report is empty");
      if (text.length > MAX_MUTATION_TEXT) throw badInput(`text: at most ${MAX_MUTATION_TEXT} characters`);
      read = await ctx.extractor.extractFile(Buffer.from(text, "utf8"), "text", true);
    } else {
      if (!filename) throw badInput("filename: needed with content, for its format (report.pdf, page.html …)");
      read = await ctx.extractor.extractFile(decodeContent(content!), filename);
      if (read.text.length > MAX_MUTATION_TEXT) throw badInput(`content: its text is over ${MAX_MUTATION_TEXT} characters`);
    }
    const provenance = { ...read.source, path: source ?? filename ?? null, url };
    const input = { extraction: read.extraction, source: source ?? null, text: read.text, provenance };
    const [written] = (await writeReports(ctx.db, [input])).reports;
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
