import type { CsdlModel } from './csdl-model.js';

export interface BodyViolation {
  path: string;
  message: string;
}

const isoDateTimeOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const timeOfDay = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const duration = /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const base64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Checks a JSON request body against a CSDL type the way Graph's OData reader
 * does: every property must be declared on the type or its bases, each value
 * must have the declared type, enum values must be members (Graph's own
 * spelling), and non-nullable properties must not be null. Instance
 * annotations ("@odata.type", "x@odata.bind", "@microsoft.graph.conflictBehavior")
 * are allowed; "@odata.type" switches to the named derived type.
 */
export function validateBody(model: CsdlModel, typeName: string, body: unknown): BodyViolation[] {
  const violations: BodyViolation[] = [];
  checkValue(model, typeName, body, '', true, violations);
  return violations;
}

/** Checks the parameters object of a bound action (e.g. event.accept) against its declared parameters. */
export function validateActionBody(model: CsdlModel, actionName: string, bindingType: string, body: unknown): BodyViolation[] {
  const action = model.action(actionName, bindingType);
  if (!action) return [{ path: '', message: `The action '${actionName}' is not bound to '${bindingType}'.` }];
  if (body === undefined || body === null) return [];
  if (typeof body !== 'object' || Array.isArray(body)) return [{ path: '', message: 'An action body must be a JSON object.' }];
  const violations: BodyViolation[] = [];
  const parameters = new Map(action.parameters.map((p) => [p.name, p]));
  for (const [name, value] of Object.entries(body)) {
    const parameter = parameters.get(name);
    if (!parameter) {
      violations.push({ path: name, message: `The parameter '${name}' is not declared on the action '${actionName}'.` });
      continue;
    }
    checkValue(model, parameter.type, value, name, parameter.nullable, violations);
  }
  return violations;
}

function checkValue(model: CsdlModel, type: string, value: unknown, path: string, nullable: boolean, out: BodyViolation[]): void {
  if (value === null) {
    if (!nullable)
      out.push({ path, message: `A null value was found for the property '${path}' of type '${type}', which is not nullable.` });
    return;
  }
  const collection = /^Collection\((.*)\)$/.exec(type);
  if (collection) {
    if (!Array.isArray(value)) {
      out.push({ path, message: `A collection was expected for '${path}' of type '${type}'.` });
      return;
    }
    value.forEach((element, index) => checkValue(model, collection[1]!, element, `${path}[${index}]`, false, out));
    return;
  }
  if (type.startsWith('Edm.')) {
    const problem = checkPrimitive(type, value);
    if (problem) out.push({ path, message: `Cannot convert the value for '${path}' to '${type}': ${problem}.` });
    return;
  }
  const members = model.enumMembers(type);
  if (members) {
    // Flags enums arrive as "a,b"; each part must be a member.
    const parts = typeof value === 'string' ? value.split(',').map((p) => p.trim()) : [];
    if (parts.length === 0 || parts.some((p) => !members.has(p))) {
      out.push({ path, message: `Requested value '${String(value)}' was not found in '${type}' (members: ${[...members].join(', ')}).` });
    }
    return;
  }
  if (type === 'microsoft.graph.Json') return;
  if (!model.type(type)) {
    out.push({ path, message: `The type '${type}' is unknown to the metadata.` });
    return;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    out.push({ path, message: `An object of type '${type}' was expected for '${path || 'the body'}'.` });
    return;
  }
  let actualType = type;
  const odataType = (value as Record<string, unknown>)['@odata.type'];
  if (typeof odataType === 'string') {
    const named = odataType.replace(/^#/, '');
    if (!model.type(named) || !model.isDerivedFrom(named, type)) {
      out.push({ path, message: `The type '${named}' given in @odata.type is not '${type}' or derived from it.` });
      return;
    }
    actualType = named;
  }
  const properties = model.propertiesOf(actualType);
  for (const [name, propertyValue] of Object.entries(value)) {
    if (name.includes('@')) continue;
    const property = properties.get(name);
    const propertyPath = path ? `${path}.${name}` : name;
    if (!property) {
      out.push({ path: propertyPath, message: `The property '${name}' does not exist on type '${actualType}'.` });
      continue;
    }
    checkValue(model, property.type, propertyValue, propertyPath, property.nullable, out);
  }
}

function checkPrimitive(type: string, value: unknown): string | null {
  switch (type) {
    case 'Edm.String':
      return typeof value === 'string' ? null : 'a string was expected';
    case 'Edm.Boolean':
      return typeof value === 'boolean' ? null : 'true or false was expected';
    case 'Edm.Byte':
    case 'Edm.SByte':
    case 'Edm.Int16':
    case 'Edm.Int32':
    case 'Edm.Int64':
      return Number.isInteger(value) || (type === 'Edm.Int64' && typeof value === 'string' && /^-?\d+$/.test(value))
        ? null
        : 'an integer was expected';
    case 'Edm.Single':
    case 'Edm.Double':
    case 'Edm.Decimal':
      return typeof value === 'number' || value === 'NaN' || value === 'INF' || value === '-INF' ? null : 'a number was expected';
    case 'Edm.DateTimeOffset':
      return typeof value === 'string' && isoDateTimeOffset.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'an ISO 8601 date and time with offset was expected';
    case 'Edm.Date':
      return typeof value === 'string' && isoDate.test(value) ? null : 'a date (YYYY-MM-DD) was expected';
    case 'Edm.TimeOfDay':
      return typeof value === 'string' && timeOfDay.test(value) ? null : 'a time of day was expected';
    case 'Edm.Duration':
      return typeof value === 'string' && duration.test(value) ? null : 'an ISO 8601 duration was expected';
    case 'Edm.Guid':
      return typeof value === 'string' && guid.test(value) ? null : 'a GUID was expected';
    case 'Edm.Binary':
      return typeof value === 'string' && base64.test(value) ? null : 'base64 was expected';
    default:
      return null;
  }
}
