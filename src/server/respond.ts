import type { Response } from 'express';
import type * as z from 'zod/mini';

/**
 * Sends a response that must match its declared contract (src/api/): the
 * compiler checks the body against the schema's type, and the tab parses it
 * with the same schema.
 */
export function reply<S extends z.ZodMiniType>(res: Response, _schema: S, body: z.output<S>, status = 200): void {
  res.status(status).json(body);
}
