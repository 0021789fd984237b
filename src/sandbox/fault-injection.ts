import { z } from 'zod';

/** Faults the sandbox injects, switchable per test or benchmark (POST /sandbox/_control/faults). */
export const faultSettingsSchema = z.object({
  /** Share of Graph operations (each inner batch request counts) answered with a fault. */
  rate: z.number().min(0).max(1).default(0),
  statuses: z
    .array(z.union([z.literal(429), z.literal(412), z.literal(502), z.literal(503), z.literal(504)]))
    .min(1)
    .default([429, 503]),
  retryAfterSeconds: z.number().min(0).max(120).default(1),
  /** Added to every HTTP request the sandbox answers, as network and service time. */
  latencyMs: z.number().int().min(0).max(10_000).default(0),
});
export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export class FaultInjector {
  settings: FaultSettings = faultSettingsSchema.parse({});
  injected = 0;

  configure(input: unknown): FaultSettings {
    this.settings = faultSettingsSchema.parse(input);
    return this.settings;
  }

  /** A fault to answer with, or null to serve the request. */
  next(random = Math.random): { status: number; retryAfterSeconds: number } | null {
    if (this.settings.rate === 0 || random() >= this.settings.rate) return null;
    this.injected++;
    const statuses = this.settings.statuses;
    return { status: statuses[Math.floor(random() * statuses.length)]!, retryAfterSeconds: this.settings.retryAfterSeconds };
  }
}
