import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

/**
 * Microsoft Graph v1.0 metadata (OData CSDL) reduced to what a request-body
 * check needs: structured types with their base types, enums, and bound actions.
 * Names are kept fully qualified ("microsoft.graph.event").
 */
export interface CsdlProperty {
  name: string;
  type: string;
  nullable: boolean;
  navigation: boolean;
}

export interface CsdlStructuredType {
  name: string;
  kind: 'entity' | 'complex';
  baseType: string | null;
  abstract: boolean;
  openType: boolean;
  properties: Map<string, CsdlProperty>;
}

export interface CsdlAction {
  name: string;
  bindingType: string;
  parameters: CsdlProperty[];
}

export interface CsdlModel {
  types: Map<string, CsdlStructuredType>;
  enums: Map<string, Set<string>>;
  actions: CsdlAction[];
  /** All structured types deriving from a type, for "@odata.type" checks. */
  isDerivedFrom(type: string, base: string): boolean;
  /** Own and inherited properties of a structured type. */
  propertiesOf(type: string): Map<string, CsdlProperty>;
}

const arrayTags = new Set([
  'Schema',
  'EntityType',
  'ComplexType',
  'EnumType',
  'Member',
  'Property',
  'NavigationProperty',
  'Action',
  'Parameter',
]);

/** The metadata file vendored in contracts/, unless GRAPH_CSDL_PATH names another. */
export const defaultCsdlPath = fileURLToPath(new URL('../../../contracts/graph-v1.0.csdl', import.meta.url));

let cached: CsdlModel | null = null;

export function loadCsdlModel(path = process.env.GRAPH_CSDL_PATH ?? defaultCsdlPath): CsdlModel {
  if (cached) return cached;
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (tag) => arrayTags.has(tag) });
  const document = parser.parse(readFileSync(path, 'utf8'));
  cached = buildModel(document['edmx:Edmx']['edmx:DataServices'].Schema);
  return cached;
}

type Raw = Record<string, any>;

function buildModel(schemas: Raw[]): CsdlModel {
  const aliases = new Map<string, string>();
  for (const schema of schemas) if (schema.Alias) aliases.set(schema.Alias, schema.Namespace);
  // "graph.event" and "Collection(graph.event)" → "microsoft.graph.event"
  const qualify = (name: string): string => {
    const collection = /^Collection\((.*)\)$/.exec(name);
    if (collection) return `Collection(${qualify(collection[1]!)})`;
    const dot = name.lastIndexOf('.');
    const prefix = name.slice(0, dot);
    return aliases.has(prefix) ? `${aliases.get(prefix)}.${name.slice(dot + 1)}` : name;
  };
  const toProperty = (raw: Raw, navigation: boolean): CsdlProperty => ({
    name: raw.Name,
    type: qualify(raw.Type),
    nullable: raw.Nullable !== 'false',
    navigation,
  });

  const types = new Map<string, CsdlStructuredType>();
  const enums = new Map<string, Set<string>>();
  const actions: CsdlAction[] = [];
  for (const schema of schemas) {
    const ns: string = schema.Namespace;
    for (const [tag, kind] of [
      ['EntityType', 'entity'],
      ['ComplexType', 'complex'],
    ] as const) {
      for (const raw of (schema[tag] ?? []) as Raw[]) {
        const properties = new Map<string, CsdlProperty>();
        for (const p of (raw.Property ?? []) as Raw[]) properties.set(p.Name, toProperty(p, false));
        for (const p of (raw.NavigationProperty ?? []) as Raw[]) properties.set(p.Name, toProperty(p, true));
        types.set(`${ns}.${raw.Name}`, {
          name: `${ns}.${raw.Name}`,
          kind,
          baseType: raw.BaseType ? qualify(raw.BaseType) : null,
          abstract: raw.Abstract === 'true',
          openType: raw.OpenType === 'true',
          properties,
        });
      }
    }
    for (const raw of (schema.EnumType ?? []) as Raw[]) {
      enums.set(`${ns}.${raw.Name}`, new Set(((raw.Member ?? []) as Raw[]).map((m) => String(m.Name))));
    }
    for (const raw of (schema.Action ?? []) as Raw[]) {
      if (raw.IsBound !== 'true') continue;
      const [binding, ...parameters] = ((raw.Parameter ?? []) as Raw[]).map((p) => toProperty(p, false));
      if (binding) actions.push({ name: raw.Name, bindingType: binding.type, parameters });
    }
  }

  const propertyCache = new Map<string, Map<string, CsdlProperty>>();
  const propertiesOf = (type: string): Map<string, CsdlProperty> => {
    const known = propertyCache.get(type);
    if (known) return known;
    const own = types.get(type);
    if (!own) throw new Error(`Unknown CSDL type ${type}`);
    const all = new Map(own.baseType ? propertiesOf(own.baseType) : []);
    for (const [name, property] of own.properties) all.set(name, property);
    propertyCache.set(type, all);
    return all;
  };
  const isDerivedFrom = (type: string, base: string): boolean => {
    for (let current: string | null = type; current; current = types.get(current)?.baseType ?? null) {
      if (current === base) return true;
    }
    return false;
  };
  return { types, enums, actions, propertiesOf, isDerivedFrom };
}
