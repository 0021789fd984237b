import { validateActionBody, validateBody } from '../csdl/csdl-body-validator.js';
import { GraphHttpError, type SandboxGraphContext } from './graph-types.js';

/** Refuses a body that does not fit the CSDL type, as Graph's OData reader does (400). */
export function requireBody(ctx: SandboxGraphContext, type: string, body: unknown): Record<string, any> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new GraphHttpError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  }
  const violations = validateBody(ctx.model, type, body);
  if (violations.length > 0) throw new GraphHttpError(400, 'BadRequest', violations.map((v) => v.message).join(' '));
  return body as Record<string, any>;
}

export function requireActionBody(ctx: SandboxGraphContext, action: string, bindingType: string, body: unknown): Record<string, any> {
  const violations = validateActionBody(ctx.model, action, bindingType, body);
  if (violations.length > 0) throw new GraphHttpError(400, 'BadRequest', violations.map((v) => v.message).join(' '));
  return (body ?? {}) as Record<string, any>;
}
