import { readFileSync } from 'node:fs';
import { appPath } from '../../app-root.js';

/**
 * Microsoft Graph v1.0 metadata (OData CSDL), read as far as a request-body
 * check needs: structured types with their base types, enums, and bound
 * actions. Names are fully qualified ("microsoft.graph.event").
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
  /** An entity or complex type; undefined when the metadata has none of that name. */
  type(name: string): CsdlStructuredType | undefined;
  /** An enum's members; undefined when the name is not an enum. */
  enumMembers(name: string): Set<string> | undefined;
  /** The action of that name bound to that type. */
  action(name: string, bindingType: string): CsdlAction | undefined;
  /** Whether a type is the base type or derives from it, for "@odata.type" checks. */
  isDerivedFrom(type: string, base: string): boolean;
  /** Own and inherited properties of a structured type. */
  propertiesOf(type: string): Map<string, CsdlProperty>;
}

/** The metadata file vendored in contracts/, unless GRAPH_CSDL_PATH names another. */
export const defaultCsdlPath = appPath('contracts', 'graph-v1.0.csdl');

let cached: CsdlModel | null = null;

export function loadCsdlModel(path = process.env.GRAPH_CSDL_PATH ?? defaultCsdlPath): CsdlModel {
  cached ??= csdlModel(readFileSync(path, 'utf8'));
  return cached;
}

const attributesOf = (text: string): Record<string, string> =>
  Object.fromEntries([...text.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads the metadata on demand: a type, enum or action is found in the XML
 * the first time a body needs it, parsed from its own element, and kept. The
 * file is 3 MB of XML with about 3,000 types; the sandbox uses a few dozen,
 * so it neither builds a document tree nor scans every tag at start.
 */
export function csdlModel(xml: string): CsdlModel {
  const schemas = [...xml.matchAll(/<Schema\b([^>]*)>/g)].map((m) => {
    const { Namespace = '', Alias } = attributesOf(m[1]!);
    const end = xml.indexOf('</Schema>', m.index);
    return { namespace: Namespace, alias: Alias ?? null, start: m.index, end: end < 0 ? xml.length : end };
  });
  const aliases = new Map(schemas.filter((s) => s.alias).map((s) => [s.alias!, s.namespace]));
  // "graph.event" and "Collection(graph.event)" → "microsoft.graph.event"
  const qualify = (name: string): string => {
    const collection = /^Collection\((.*)\)$/.exec(name);
    if (collection) return `Collection(${qualify(collection[1]!)})`;
    const dot = name.lastIndexOf('.');
    const prefix = name.slice(0, dot);
    return aliases.has(prefix) ? `${aliases.get(prefix)}.${name.slice(dot + 1)}` : name;
  };
  const toProperty = (raw: Record<string, string>, navigation: boolean): CsdlProperty => ({
    name: raw.Name!,
    type: qualify(raw.Type!),
    nullable: raw.Nullable !== 'false',
    navigation,
  });

  /** The element `<tag Name="name" …>…</tag>` inside the namespace's schema: its attributes and its inner XML. */
  const findElement = (tags: readonly string[], qualifiedName: string) => {
    const dot = qualifiedName.lastIndexOf('.');
    const schema = schemas.find((s) => s.namespace === qualifiedName.slice(0, dot));
    if (!schema) return null;
    const pattern = new RegExp(`<(${tags.join('|')})\\s+Name="${escapeRegExp(qualifiedName.slice(dot + 1))}"([^>]*?)(/?)>`, 'g');
    pattern.lastIndex = schema.start;
    const m = pattern.exec(xml);
    if (!m || m.index > schema.end) return null;
    const inner = m[3] ? '' : xml.slice(m.index + m[0].length, xml.indexOf(`</${m[1]}>`, m.index));
    return { tag: m[1]!, attributes: attributesOf(`Name="x"${m[2]}`), inner };
  };
  const childrenOf = (inner: string, tag: string) =>
    [...inner.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>`, 'g'))].map((m) => attributesOf(m[1]!));

  const types = new Map<string, CsdlStructuredType | null>();
  const type = (name: string): CsdlStructuredType | undefined => {
    if (!types.has(name)) {
      const found = findElement(['EntityType', 'ComplexType'], name);
      const properties = new Map<string, CsdlProperty>();
      for (const p of found ? childrenOf(found.inner, 'Property') : []) properties.set(p.Name!, toProperty(p, false));
      for (const p of found ? childrenOf(found.inner, 'NavigationProperty') : []) properties.set(p.Name!, toProperty(p, true));
      types.set(
        name,
        found && {
          name,
          kind: found.tag === 'EntityType' ? 'entity' : 'complex',
          baseType: found.attributes.BaseType ? qualify(found.attributes.BaseType) : null,
          abstract: found.attributes.Abstract === 'true',
          openType: found.attributes.OpenType === 'true',
          properties,
        },
      );
    }
    return types.get(name) ?? undefined;
  };

  const enums = new Map<string, Set<string> | null>();
  const enumMembers = (name: string): Set<string> | undefined => {
    if (!enums.has(name)) {
      const found = findElement(['EnumType'], name);
      enums.set(name, found && new Set(childrenOf(found.inner, 'Member').map((m) => m.Name!)));
    }
    return enums.get(name) ?? undefined;
  };

  const actions = new Map<string, CsdlAction[]>();
  const actionsNamed = (name: string): CsdlAction[] => {
    let found = actions.get(name);
    if (!found) {
      found = [];
      for (const m of xml.matchAll(new RegExp(`<Action\\s+Name="${escapeRegExp(name)}"([^>]*?)>([\\s\\S]*?)</Action>`, 'g'))) {
        if (attributesOf(m[1]!).IsBound !== 'true') continue;
        const [binding, ...parameters] = childrenOf(m[2]!, 'Parameter').map((p) => toProperty(p, false));
        if (binding) found.push({ name, bindingType: binding.type, parameters });
      }
      actions.set(name, found);
    }
    return found;
  };

  const propertyCache = new Map<string, Map<string, CsdlProperty>>();
  const propertiesOf = (name: string): Map<string, CsdlProperty> => {
    const known = propertyCache.get(name);
    if (known) return known;
    const own = type(name);
    if (!own) throw new Error(`Unknown CSDL type ${name}`);
    const all = new Map(own.baseType ? propertiesOf(own.baseType) : []);
    for (const [key, property] of own.properties) all.set(key, property);
    propertyCache.set(name, all);
    return all;
  };

  return {
    type,
    enumMembers,
    action: (name, bindingType) => actionsNamed(name).find((a) => a.bindingType === bindingType),
    isDerivedFrom(name, base) {
      for (let current: string | null = name; current; current = type(current)?.baseType ?? null) {
        if (current === base) return true;
      }
      return false;
    },
    propertiesOf,
  };
}
