import { describe, expect, it } from 'vitest';
import { fitProcessTimings } from '../../src/domain/process-timings.js';

const aarhus =
  'Individuel refleksion (2 min.). Deltagerne fremlægger på skift deres refleksioner (25 min.), evt. som spiralsamtale. Runde med mere fri dialog (15 min.). Evt. opsummering af centrale perspektiver før beslutning (5 min.).';
const minutesIn = (text: string) => [...text.matchAll(/\((\d+) min\.\)/g)].map((m) => Number(m[1]));

describe('process timings in a shortened item', () => {
  it('scales the template’s timings to the item’s minutes, adding up exactly', () => {
    const fitted = fitProcessTimings(aarhus, 30);
    expect(minutesIn(fitted)).toEqual([1, 16, 10, 3]);
    expect(minutesIn(fitted).reduce((a, b) => a + b)).toBe(30);
    expect(fitted).toContain('Individuel refleksion (1 min.).');
  });

  it('leaves timings that fit, and text without timings, as written', () => {
    expect(fitProcessTimings('Skolelederen fremlægger data (10 min.), drøftelse (15 min.).', 25)).toBe(
      'Skolelederen fremlægger data (10 min.), drøftelse (15 min.).',
    );
    expect(fitProcessTimings('Skolelederen byder velkommen.', 1)).toBe('Skolelederen byder velkommen.');
  });

  it('keeps every step at least a minute when the item is very short', () => {
    expect(minutesIn(fitProcessTimings(aarhus, 2))).toEqual([1, 1, 1, 1]);
  });
});
