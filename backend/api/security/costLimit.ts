import { Kind, SchemaMetaFieldDef, TypeMetaFieldDef, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { AppError } from '../../../common/errors';

export interface CostLimits {
  maxAliases: number;
  maxFields: number;
  maxCost: number;
  /** Assumed length of a list field without a `first` argument. */
  listSize: number;
}

export interface OperationCost {
  /** Estimated objects returned: each list multiplies its selection by its length. */
  cost: number;
  fields: number;
  aliases: number;
}

/** Arguments that bound a list's length. */
const LENGTH_ARGS = ['first', 'last', 'limit'];

/*
 * Types are read by shape, not instanceof: mercurius builds the schema with graphql's CommonJS build
 * while this module may load its ESM one, and graphql-js refuses a type "from another realm".
 */
interface TypeShape {
  ofType?: TypeShape;
  getFields?: () => Record<string, FieldShape>;
  toString(): string;
}
interface FieldShape {
  type: TypeShape;
  args: readonly { name: string; defaultValue?: unknown }[];
}

/** `[Case!]!` and `[Case]` are lists; `Case!` is not. */
const isList = (type: TypeShape): boolean => String(type).replace(/!$/, '').startsWith('[');

function namedType(type: TypeShape): TypeShape {
  let t = type;
  while (t.ofType) t = t.ofType;
  return t;
}

function fieldDef(parent: TypeShape | undefined, name: string, schema: GraphQLSchema): FieldShape | undefined {
  const query = schema.getQueryType() as unknown as TypeShape | null | undefined;
  if (name === '__schema' && parent === query) return SchemaMetaFieldDef as unknown as FieldShape;
  if (name === '__type' && parent === query) return TypeMetaFieldDef as unknown as FieldShape;
  return typeof parent?.getFields === 'function' ? parent.getFields()[name] : undefined;
}

const typeNamed = (schema: GraphQLSchema, name: string): TypeShape | undefined => (schema.getType(name) as unknown as TypeShape | null | undefined) ?? undefined;

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number.parseInt(node.value, 10);
  if (node.kind === Kind.VARIABLE) {
    const v = variables[node.name.value];
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  }
  return undefined;
}

/** The length a list field is asked for: its `first` (literal, variable, variable default or schema default), else listSize. */
function listLength(node: FieldNode, def: FieldShape | undefined, variables: Record<string, unknown>, defaults: Record<string, unknown>, listSize: number): number {
  for (const name of LENGTH_ARGS) {
    const arg = node.arguments?.find((a) => a.name.value === name);
    const given = intValue(arg?.value, variables) ?? (arg?.value.kind === Kind.VARIABLE ? intValue(arg.value, defaults) : undefined);
    if (given !== undefined) return Math.max(0, given);
    const schemaDefault = def?.args.find((a) => a.name === name)?.defaultValue;
    if (typeof schemaDefault === 'number') return Math.max(0, schemaDefault);
  }
  return listSize;
}

/**
 * The cost of one operation, fragments expanded: scalars are free, every object costs 1, a list
 * field multiplies the cost of its selection by its length. Linear in the document: each fragment
 * is walked once and its figures reused at every spread (a spread already on the path is a cycle,
 * which validation refuses anyway, and counts nothing).
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string | null, listSize = 20): OperationCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    else if (d.kind === Kind.OPERATION_DEFINITION) operations.push(d);
  }
  const op = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!op) return { cost: 0, fields: 0, aliases: 0 };
  const defaults: Record<string, unknown> = {};
  for (const v of op.variableDefinitions ?? []) if (v.defaultValue?.kind === Kind.INT) defaults[v.variable.name.value] = Number.parseInt(v.defaultValue.value, 10);
  const onPath = new Set<string>();
  // Each fragment is costed once: fragments spreading others twice over would otherwise make the walk exponential.
  const memo = new Map<string, OperationCost>();

  const walk = (set: SelectionSetNode, parent: TypeShape | undefined): OperationCost => {
    const acc: OperationCost = { cost: 0, fields: 0, aliases: 0 };
    const add = (c: OperationCost, times = 1) => {
      acc.cost += c.cost * times;
      acc.fields += c.fields;
      acc.aliases += c.aliases;
    };
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        acc.fields++;
        if (sel.alias) acc.aliases++;
        if (!sel.selectionSet) continue;
        const def = fieldDef(parent, sel.name.value, schema);
        const child = walk(sel.selectionSet, def ? namedType(def.type) : undefined);
        const times = def && isList(def.type) ? listLength(sel, def, variables, defaults, listSize) : 1;
        add({ cost: 1 + child.cost, fields: child.fields, aliases: child.aliases }, times);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        add(walk(sel.selectionSet, sel.typeCondition ? typeNamed(schema, sel.typeCondition.name.value) : parent));
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || onPath.has(name)) continue;
        let c = memo.get(name);
        if (!c) {
          onPath.add(name);
          c = walk(frag.selectionSet, typeNamed(schema, frag.typeCondition.name.value));
          onPath.delete(name);
          memo.set(name, c);
        }
        add(c);
      }
    }
    return acc;
  };
  const root = op.operation === 'query' ? schema.getQueryType() : op.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return walk(op.selectionSet, (root as unknown as TypeShape | null | undefined) ?? undefined);
}

/** Refuses an operation over any limit with INVALID_INPUT naming the limit, before anything runs. */
export function enforceCostLimits(figures: OperationCost, limits: CostLimits): void {
  const over = (limit: string, max: number, actual: number) =>
    new AppError('INVALID_INPUT', `Query too expensive: ${actual} ${limit} over the limit of ${max}`, { limit, max, actual });
  if (figures.aliases > limits.maxAliases) throw over('aliases', limits.maxAliases, figures.aliases);
  if (figures.fields > limits.maxFields) throw over('fields', limits.maxFields, figures.fields);
  if (figures.cost > limits.maxCost) throw over('cost', limits.maxCost, figures.cost);
}
