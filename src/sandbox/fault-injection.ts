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
  /** A fixed seed makes which requests fail repeatable (tests); without one, Math.random decides. */
  seed: z.number().int().optional(),
});
export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export class FaultInjector {
  settings: FaultSettings = faultSettingsSchema.parse({});
  injected = 0;
  /** When each injected latency began and ended (ms, performance.now), the newest 10,000: benches read how many came one after another. */
  readonly waits: [number, number][] = [];

  private random: () => number = Math.random;

  configure(input: unknown): FaultSettings {
    this.settings = faultSettingsSchema.parse(input);
    this.random = this.settings.seed === undefined ? Math.random : mulberry32(this.settings.seed);
    return this.settings;
  }

  /** Waits the configured latency, as the network and the service would, and notes when. */
  async delay(): Promise<void> {
    const ms = this.settings.latencyMs;
    if (ms <= 0) return;
    const start = performance.now();
    await new Promise((resolve) => setTimeout(resolve, ms));
    this.waits.push([start, performance.now()]);
    if (this.waits.length > 10_000) this.waits.splice(0, this.waits.length - 10_000);
  }

  /** A fault to answer with, or null to serve the request. */
  next(random = this.random): { status: number; retryAfterSeconds: number } | null {
    if (this.settings.rate === 0 || random() >= this.settings.rate) return null;
    this.injected++;
    const statuses = this.settings.statuses;
    return { status: statuses[Math.floor(random() * statuses.length)]!, retryAfterSeconds: this.settings.retryAfterSeconds };
  }
}

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence of faults. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How many of these round trips came one after another: the longest chain in
 * which each began after the one before had ended (earliest end first finds
 * it). Work done at the same time counts once; CPU time between them not at all.
 */
export function roundTripsInSequence(waits: readonly (readonly [number, number])[], since = Number.NEGATIVE_INFINITY): number {
  let chain = 0;
  let free = since;
  for (const [start, end] of [...waits].filter(([s]) => s >= since).sort((a, b) => a[1] - b[1])) {
    if (start < free) continue;
    chain++;
    free = end;
  }
  return chain;
}
