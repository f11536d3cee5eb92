// Where a report came from, and its text a page at a time: what a client needs to show an
// evidence sentence (whose offsets refer to this text) in context.
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ReportFormat {
  TEXT = "text",
  HTML = "html",
  PDF = "pdf",
  DOCX = "docx",
}
registerEnumType(ReportFormat, { name: "ReportFormat", description: "The form a report was read from" });

@ObjectType({ description: "Where and how a report was read" })
export class ReportSource {
  @Field(() => String, { nullable: true, description: "the file read, or the name the caller gave" })
  path!: string | null;

  @Field(() => String, { nullable: true, description: "where it was published (--source-url, a NAME.url file, or the caller)" })
  url!: string | null;

  @Field(() => ReportFormat)
  format!: ReportFormat;

  @Field(() => String, { nullable: true, description: "the encoding its text was decoded from (text and HTML): utf-8, gb18030, big5, utf-16le …" })
  encoding!: string | null;

  @Field(() => String, { nullable: true, description: "the document's own title (HTML <title>, PDF or Word properties)" })
  title!: string | null;

  @Field(() => String, { nullable: true, description: "a web page's <meta> publication date, yyyy-mm-dd" })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: "a web page's canonical URL" })
  canonicalUrl!: string | null;
}

@ObjectType({ description: "A stretch of a report's text; evidence offsets (start, end) index into the whole text" })
export class ReportTextPage {
  @Field(() => Int, { description: "offset of the first character returned" })
  offset!: number;

  @Field(() => String)
  text!: string;

  @Field(() => Int, { description: "length of the whole text" })
  totalLength!: number;

  @Field(() => Boolean, { description: "whether text follows this page" })
  hasMore!: boolean;
}
