// The `mentions` list every mentioned entity has: each report's sentences about it.
import { mentionsOf } from "../../graph/read/programs.js";
import type { ReportRecord } from "../../graph/read/records.js";
import type { Context } from "../context.js";
import { PageArgs, pageWindow, toConnection } from "../pagination.js";
import { toReport } from "../types/entities.js";

export const MENTIONS_DESCRIPTION = "each report's mentions, with sentences and offsets, newest first";

export async function mentionConnection(
  ctx: Context,
  label: "Program" | "Law" | "LawFirm" | "Person" | "Jurisdiction",
  key: string,
  args: PageArgs,
) {
  const window = pageWindow(args, ctx.limits);
  const page = await mentionsOf(ctx.db, label, key, window);
  const reports = new Map<string, ReportRecord>();
  for (const r of await ctx.loaders.report.loadMany(page.items.map((m) => m.reportId))) if (r && !(r instanceof Error)) reports.set(r.id, r);
  return toConnection(page, window, (m) => {
    const record = reports.get(m.reportId)!; // a mention's report exists: both are read in one database
    return {
      report: toReport(record),
      count: m.count,
      evidence: m.sentences.map((sentence, i) => ({ reportId: m.reportId, year: record.year, sentence, start: m.starts[i]!, end: m.ends[i]! })),
    };
  });
}
