// Validation by a query's shape. A client that puts its arguments in the query text, or names its
// fields with fresh aliases, sends a new text with every request, and graphql-js would validate
// each one from scratch (0.2 ms alone, 0.4-0.6 ms in the server, the largest part of answering a
// lookup outside Neo4j). The rules that care about literal values are few: so each query is
// reduced to its shape (literals turned into variables of the argument's type, aliases into
// canonical names), the shape is validated once, and only the literals are checked on each
// request. Neo4j parameterises literals before planning for the same reason.
import {
  Kind,
  Lexer,
  parseType,
  print,
  Source,
  TokenKind,
  TypeInfo,
  validate,
  ValuesOfCorrectTypeRule,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValidationRule,
  type ValueNode,
  type VariableDefinitionNode,
} from "graphql";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";

/** Prefix of the variables a shape introduces; a query using such names is validated as it is. */
const LITERAL = "kgLiteral";

function hasVariable(value: ValueNode): boolean {
  switch (value.kind) {
    case Kind.VARIABLE:
      return true;
    case Kind.LIST:
      return value.values.some(hasVariable);
    case Kind.OBJECT:
      return value.fields.some((f) => hasVariable(f.value));
    default:
      return false;
  }
}

/**
 * The query with each field argument that holds no variable replaced by a variable of the
 * argument's type (equal literals of one type by the same variable, so that the rule on fields of
 * one response name still sees which arguments are equal), and each field's response name by a
 * canonical alias (equal names by the same one). Null when the query already uses the prefix.
 * Exported for tests.
 */
export function shapeOf(schema: GraphQLSchema, document: DocumentNode): DocumentNode | null {
  const typeInfo = new TypeInfo(schema);
  const literals = new Map<string, { name: string; type: string }>();
  const made = new Set<string>();
  const responseNames = new Map<string, string>();
  let clash = false;
  const shaped = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Variable(node) {
        if (node.name.value.startsWith(LITERAL) && !made.has(node.name.value)) clash = true;
      },
      Field(node: FieldNode): FieldNode {
        const responseName = node.alias?.value ?? node.name.value;
        let alias = responseNames.get(responseName);
        if (alias === undefined) responseNames.set(responseName, (alias = `r${responseNames.size}`));
        return { ...node, alias: { kind: Kind.NAME, value: alias } };
      },
      Argument(node: ArgumentNode): ArgumentNode | undefined {
        const argument = typeInfo.getArgument();
        if (typeInfo.getDirective() || !argument || hasVariable(node.value)) return undefined;
        const type = String(argument.type);
        const key = `${type} ${print(node.value)}`;
        let literal = literals.get(key);
        if (!literal) {
          literals.set(key, (literal = { name: `${LITERAL}${literals.size}`, type }));
          made.add(literal.name);
        }
        return { ...node, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: literal.name } } };
      },
    }),
  );
  if (clash) return null;
  if (literals.size === 0) return shaped;
  const definitions: VariableDefinitionNode[] = [...literals.values()].map(({ name, type }) => ({
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } },
    type: parseType(type, { noLocation: true }),
  }));
  return {
    ...shaped,
    definitions: shaped.definitions.map((d) =>
      d.kind === Kind.OPERATION_DEFINITION ? { ...d, variableDefinitions: [...(d.variableDefinitions ?? []), ...definitions] } : d,
    ),
  };
}

/**
 * What a query's shape is known by, from its tokens alone (lexing costs a twentieth of building
 * the shape from the syntax tree): the tokens in order, each literal replaced by its kind and the
 * class of equal literals it belongs to, each response name (an alias, or the name of a field
 * asked for without one) by the class of equal response names. Two queries with one key have one
 * shape, up to literals the shape keeps as they are (a directive's, or beside a variable), whose
 * values no rule but the literal check looks at, and that check runs on every query. Exported for
 * tests.
 */
export function shapeKey(query: string): string {
  const lexer = new Lexer(new Source(query));
  const literals = new Map<string, number>();
  const responseNames = new Map<string, number>();
  const classOf = (map: Map<string, number>, value: string) => {
    let n = map.get(value);
    if (n === undefined) map.set(value, (n = map.size));
    return n;
  };
  // What each open bracket holds: a selection set, arguments, a list or an object value.
  const open: ("selection" | "value")[] = [];
  const parts: string[] = [];
  let previous: TokenKind | null = null;
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    const inSelection = open[open.length - 1] === "selection";
    switch (token.kind) {
      case TokenKind.BRACE_L:
        open.push(open.length === 0 || inSelection ? "selection" : "value");
        parts.push("{");
        break;
      case TokenKind.PAREN_L:
      case TokenKind.BRACKET_L:
        open.push("value");
        parts.push(token.kind);
        break;
      case TokenKind.BRACE_R:
      case TokenKind.PAREN_R:
      case TokenKind.BRACKET_R:
        open.pop();
        parts.push(token.kind);
        break;
      case TokenKind.STRING:
      case TokenKind.BLOCK_STRING:
      case TokenKind.INT:
      case TokenKind.FLOAT:
        parts.push(`${token.kind}#${classOf(literals, `${token.kind} ${token.value}`)}`);
        break;
      case TokenKind.NAME: {
        // In a selection set, a name that is not a fragment's, a directive's or a type condition's
        // is a response name: an alias when a colon follows, else a field asked for as it is.
        const isFieldOrAlias = inSelection && previous !== TokenKind.SPREAD && previous !== TokenKind.AT && !(previous === TokenKind.NAME && parts[parts.length - 1] === "on");
        if (isFieldOrAlias && lexer.lookahead().kind === TokenKind.COLON) parts.push(`@${classOf(responseNames, token.value)}`);
        else if (isFieldOrAlias && token.value !== "on") parts.push(`${token.value}@${classOf(responseNames, token.value)}`);
        else parts.push(token.value);
        break;
      }
      default:
        parts.push(token.kind);
    }
    previous = token.kind;
  }
  return parts.join(" ");
}

/** Shapes kept, by their key's length: with a boolean each, a few MB at most. */
const DEFAULT_MAX_CHARACTERS = 2_000_000;

export class ShapeValidator {
  private readonly valid = new InMemoryLRUCache<boolean>({ maxSize: DEFAULT_MAX_CHARACTERS, sizeCalculation: (_, key) => key.length });

  /** rules: all that the server validates with (graphql-js's and its own). */
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
  ) {}

  /**
   * True when the query (its text, and that text parsed) is known to pass every rule: its shape
   * passed them before (or passes now) and its literals suit their arguments. False means "not
   * known": validate it in full, which also words the errors, with places in the query's text.
   */
  async passes(query: string, document: DocumentNode): Promise<boolean> {
    const key = shapeKey(query);
    let valid = await this.valid.get(key);
    if (valid === undefined) {
      const shape = shapeOf(this.schema, document);
      valid = shape !== null && validate(this.schema, shape, this.rules).length === 0;
      await this.valid.set(key, valid);
    }
    return valid && validate(this.schema, document, [ValuesOfCorrectTypeRule]).length === 0;
  }
}
