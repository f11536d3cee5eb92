// Relay connections over keyset pages: a cursor is the base64url JSON of a row's sort key.
import type { ClassType } from "type-graphql";
import { ArgsType, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import type { Page, PageWindow, SortKey } from "../graph/read/records.js";
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

/** Cursors name a row by its sort key, so they survive inserts; they stay short. */
const MAX_CURSOR_LENGTH = 1024;
const MAX_KEY_PARTS = 6;

export const encodeCursor = (key: SortKey) => Buffer.from(JSON.stringify(key)).toString("base64url");

/**
 * The sort key a cursor names, or BAD_USER_INPUT for anything this server could not have given
 * out: too long, not base64url, not a JSON list of 1 to 6 strings and finite numbers.
 */
export function decodeCursor(cursor: string, argument = "after"): SortKey {
  const refuse = () => badInput(`${argument}: not a cursor this server gave out: ${quote(cursor)}`);
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw refuse();
  }
  const part = (x: unknown) => (typeof x === "string" && x.length <= 200) || (typeof x === "number" && Number.isFinite(x));
  if (!Array.isArray(key) || key.length < 1 || key.length > MAX_KEY_PARTS || !key.every(part)) throw refuse();
  return key as SortKey;
}

/** The window a PageArgs asks for, checked against the limits. */
export function pageWindow(args: PageArgs, limits: PageLimits): PageWindow {
  const first = args.first ?? limits.defaultSize;
  if (!Number.isInteger(first) || first < 0 || first > limits.maxSize) {
    throw badInput(`first: expected 0 to ${limits.maxSize}, got ${first}`);
  }
  return { limit: first, after: args.after ? decodeCursor(args.after) : null };
}

/** The windows of the selections of a paged field that are valid (an invalid one is its resolver's to refuse). */
export function windowsOf(selections: PageArgs[], limits: PageLimits): PageWindow[] {
  const windows: PageWindow[] = [];
  for (const args of selections) {
    try {
      windows.push(pageWindow(args, limits));
    } catch {
      // refused by the field's resolver, with the reason
    }
  }
  return windows;
}

export interface Connection<T> {
  /** the page as edges and pageInfo: read only when the query selects one of them */
  page: () => Promise<{ edges: { cursor: string; node: T }[]; pageInfo: PageInfo }>;
  /** run only when the query selects totalCount: a count query, or a kept count */
  count: () => Promise<number>;
}

/**
 * A page as a Relay connection. Neither statement runs before GraphQL resolves a field that needs
 * it, so `{ totalCount }` alone costs one count and `{ edges … }` alone one page read.
 */
export function toConnection<R, T>(load: () => Promise<Page<R>>, window: PageWindow, map: (record: R) => T, count: () => Promise<number>): Connection<T> {
  let loaded: ReturnType<Connection<T>["page"]> | null = null;
  let counted: Promise<number> | null = null;
  const read = async () => {
    const page = await load();
    const edges = page.items.map((item, i) => ({ cursor: encodeCursor(page.keys[i]!), node: map(item) }));
    const pageInfo = {
      hasNextPage: page.hasMore,
      hasPreviousPage: window.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    };
    return { edges, pageInfo };
  };
  return { page: () => (loaded ??= read()), count: () => (counted ??= count()) };
}

/** The resolvers of every connection type's totalCount; the schema registers them. */
export const connectionResolvers: ClassType[] = [];

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
  class ConnectionClass {}

  @Resolver(() => ConnectionClass)
  class ConnectionResolver {
    @FieldResolver(() => [Edge])
    async edges(@Root() connection: Connection<T>): Promise<Edge[]> {
      return (await connection.page()).edges;
    }

    @FieldResolver(() => PageInfo)
    async pageInfo(@Root() connection: Connection<T>): Promise<PageInfo> {
      return (await connection.page()).pageInfo;
    }

    @FieldResolver(() => Int, { description: "items in the whole list, across pages (counted only when asked for)" })
    totalCount(@Root() connection: Connection<T>): Promise<number> {
      return connection.count();
    }
  }
  connectionResolvers.push(ConnectionResolver);
  return ConnectionClass;
}
