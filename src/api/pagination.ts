// Relay connections over offset pages: cursors are base64 offsets into a stable order.
import type { ClassType } from "type-graphql";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import type { Page, PageWindow } from "../graph/read/records.js";
import { badInput } from "./errors.js";

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

function decodeCursor(cursor: string): number {
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw badInput(`after: not a cursor this server gave out: ${JSON.stringify(cursor)}`);
  return Number(match[1]) + 1;
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
