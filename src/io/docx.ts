// Word documents: .docx → its text (mammoth); the title from the document's properties.
import JSZip from "jszip";
import mammoth from "mammoth";
import { checkHasText, emptySource, ReportInputError, type ReportDocument } from "./document.js";

async function coreTitle(zip: JSZip): Promise<string | null> {
  const core = await zip.file("docProps/core.xml")?.async("string");
  const match = core && /<dc:title>([^<]*)<\/dc:title>/.exec(core);
  const title = match?.[1]?.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&").trim();
  return title || null;
}

export async function readDocx(bytes: Uint8Array, name: string): Promise<ReportDocument> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    throw new ReportInputError(name, `not a readable Word document (a damaged .docx: ${String((error as Error)?.message ?? error).split("\n")[0]})`);
  }
  if (!zip.file("word/document.xml")) throw new ReportInputError(name, "a ZIP archive without word/document.xml: not a Word (.docx) document");
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer })).value;
  } catch (error) {
    throw new ReportInputError(name, `not a readable Word document (${String((error as Error)?.message ?? error).split("\n")[0]})`);
  }
  // mammoth ends every paragraph with two newlines; the plain-text reports separate them with one blank line too.
  text = text.replace(/\r\n?/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
  return { text: checkHasText(text, name), source: { ...emptySource("docx"), title: await coreTitle(zip) } };
}
