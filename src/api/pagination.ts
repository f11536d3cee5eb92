// Relay connections over offset pages: cursors are base64 offsets into a stable order.
import type { ClassType } from "type-graphql";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import type { Page, PageWindow } from "../graph/read/records.js";
import { badInput, quote } from "./errors.js";

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: "page size (default and maximum set by the server's configuration)" })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "the endCursor of the previous page" })
  after?: string | null;
}

export interface PageLimits {
  defaultSize: number;
  maxSize: number;
}

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString("base64url");

/** Cursors this server gives out are short; a longer one is refused before it is decoded. */
const MAX_CURSOR_LENGTH = 64;
/** No list is this long; a larger offset is not a cursor this server gave out (Cypher indexes are 32-bit). */
export const MAX_OFFSET = 100_000_000;

/**
 * The position after a cursor, or BAD_USER_INPUT for anything this server could not have given
 * out: too long, not base64url, not of the form o:N, or N out of range.
 */
export function decodeCursor(cursor: string, argument = "after"): number {
  const refuse = () => badInput(`${argument}: not a cursor this server gave out: ${quote(cursor)}`);
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw refuse();
  const offset = Number(match[1]);
  if (offset >= MAX_OFFSET) throw refuse();
  return offset + 1;
}

/** The window a PageArgs asks for, checked against the limits. */
export function pageWindow(args: PageArgs, limits: PageLimits): PageWindow {
  const first = args.first ?? limits.defaultSize;
  if (!Number.isInteger(first) || first < 0 || first > limits.maxSize) {
    throw badInput(`first: expected 0 to ${limits.maxSize}, got ${first}`);
  }
  return { offset: args.after ? decodeCursor(args.after) : 0, limit: first };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function toConnection<R, T>(page: Page<R>, window: PageWindow, map: (record: R) => T): Connection<T> {
  const edges = page.items.map((item, i) => ({ cursor: encodeCursor(window.offset + i), node: map(item) }));
  return {
    edges,
    totalCount: page.total,
    pageInfo: {
      hasNextPage: window.offset + edges.length < page.total,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** A Relay connection type for a node type: FooConnection { edges { cursor node } pageInfo totalCount }. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "items in the whole list, across pages" })
    totalCount!: number;
  }
  return ConnectionClass;
}
