import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../connection.js';

/**
 * The calculated cost of an operation (DESIGN.md "Limits and cost", after
 * Shopify's): an object costs 1, a scalar or enum 0, a connection 2 plus
 * `first` times the cost of one of its items, a plain list 2 plus its assumed
 * size times the cost of one item. Introspection and __typename cost nothing.
 *
 * `requested` is computed before execution from the document and the
 * variables; `actual` walks the answer the same way, with the lists' real sizes.
 */
export const ASSUMED_LIST_SIZE = 10;

const isConnection = (t: GraphQLNamedType) =>
  isObjectType(t) && t.name.endsWith('Connection') && 'pageInfo' in t.getFields();

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  defaults: Map<string, ValueNode>;
}

function intArgument(w: Walk, field: FieldNode, name: string): number | null {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  let v: unknown;
  if (arg.value.kind === Kind.VARIABLE) {
    const varName = arg.value.name.value;
    v =
      varName in w.variables
        ? w.variables[varName]
        : w.defaults.get(varName)?.kind === Kind.INT
          ? Number((w.defaults.get(varName) as { value: string }).value)
          : null;
  } else if (arg.value.kind === Kind.INT) {
    v = Number(arg.value.value);
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** `first` as connections apply it: absent → the default page, out of range → clamped (the resolver refuses it anyway). */
function pageSize(w: Walk, field: FieldNode): number {
  const first = intArgument(w, field, 'first');
  if (first === null) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(first, 1), MAX_PAGE_SIZE);
}

type Value = unknown;
const isRecord = (v: Value): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Cost of a selection set on `type`. With `value` undefined: requested cost;
 * otherwise the answer's object for it (actual cost). `itemsOf` is set inside
 * a connection: its list fields (nodes, edges) hold `first` items.
 */
function selectionCost(
  w: Walk,
  set: SelectionSetNode | undefined,
  type: GraphQLNamedType,
  value: Value,
  mode: 'requested' | 'actual',
  first?: number,
): number {
  if (!set) return 0;
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      const def =
        'getFields' in type
          ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)[sel.name.value]
          : undefined;
      if (!def) continue;
      const key = sel.alias?.value ?? sel.name.value;
      if (mode === 'actual' && !(isRecord(value) && key in value)) continue;
      total += fieldCost(
        w,
        sel,
        def,
        mode === 'actual' ? (value as Record<string, unknown>)[key] : undefined,
        mode,
        first,
      );
    } else {
      const set2 = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : w.fragments.get(sel.name.value)?.selectionSet;
      const condition =
        sel.kind === Kind.INLINE_FRAGMENT
          ? sel.typeCondition?.name.value
          : w.fragments.get(sel.name.value)?.typeCondition.name.value;
      const on = condition ? w.schema.getType(condition) : type;
      if (!set2 || !on) continue;
      total += selectionCost(w, set2, on, value, mode, first);
    }
  }
  return total;
}

function fieldCost(
  w: Walk,
  node: FieldNode,
  def: GraphQLField<unknown, unknown>,
  value: Value,
  mode: 'requested' | 'actual',
  first?: number,
): number {
  const named = getNamedType(def.type);
  if (isLeafType(named)) return 0;
  if (mode === 'actual' && (value === null || value === undefined)) return 0;
  if (isConnection(named)) {
    return 2 + selectionCost(w, node.selectionSet, named, value, mode, pageSize(w, node));
  }
  if (isListType(getNullableType(def.type))) {
    // A list directly on a connection (nodes, edges) holds `first` items; the connection paid its 2.
    const base = first === undefined ? 2 : 0;
    if (mode === 'actual') {
      const items = Array.isArray(value) ? value : [];
      return (
        base +
        items.reduce<number>(
          (sum, item) => sum + (item === null ? 0 : 1 + selectionCost(w, node.selectionSet, named, item, mode)),
          0,
        )
      );
    }
    return base + (first ?? ASSUMED_LIST_SIZE) * (1 + selectionCost(w, node.selectionSet, named, undefined, mode));
  }
  return 1 + selectionCost(w, node.selectionSet, named, value, mode);
}

function walkOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Walk {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const defaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? [])
    if (v.defaultValue) defaults.set(v.variable.name.value, v.defaultValue);
  return { schema, fragments, variables: variables ?? {}, defaults };
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  const root = schema.getRootType(operation.operation);
  if (!root) throw new Error(`no ${operation.operation} type`);
  return root;
}

export function requestedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables?: Record<string, unknown>,
): number {
  return selectionCost(
    walkOf(schema, document, operation, variables),
    operation.selectionSet,
    rootType(schema, operation),
    undefined,
    'requested',
  );
}

export function actualCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  data: unknown,
): number {
  if (!isRecord(data)) return 0;
  return selectionCost(
    walkOf(schema, document, operation, variables),
    operation.selectionSet,
    rootType(schema, operation),
    data,
    'actual',
  );
}
