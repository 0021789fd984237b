import { describe, expect, it } from 'vitest';
import tabDa from '../../src/tab/i18n/da.json' with { type: 'json' };
import tabEn from '../../src/tab/i18n/en.json' with { type: 'json' };
import serverDa from '../../src/i18n/da.json' with { type: 'json' };
import serverEn from '../../src/i18n/en.json' with { type: 'json' };
import botDa from '../../bot/i18n/da.json' with { type: 'json' };
import botEn from '../../bot/i18n/en.json' with { type: 'json' };
import { errorBody } from '../../src/server/error-mapping.js';

const keys = (node: unknown, prefix = ''): string[] =>
  typeof node === 'object' && node !== null ? Object.entries(node).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];

describe('Danish and English texts', () => {
  it('cover the same keys in the tab', () => {
    expect(keys(tabEn).sort()).toEqual(keys(tabDa).sort());
  });

  it('cover the same user-facing keys on the server (documents, the committee briefing among them, are Danish only)', () => {
    const { documents: _documents, briefing: _briefing, ...danishUserTexts } = serverDa;
    expect(keys(serverEn).sort()).toEqual(keys(danishUserTexts).sort());
  });

  it('cover the same keys in the bot', () => {
    expect(keys(botEn).sort()).toEqual(keys(botDa).sort());
  });

  it('name a status as people say it, not as code spells it', () => {
    expect(errorBody('TRANSITION_NOT_ALLOWED', 'da', { from: 'cancelled', event: 'cancel' }).message).toBe(
      'Det kan ikke lade sig gøre, mens samtalen har status „aflyst“.',
    );
    expect(errorBody('UNSAFE_CONTENT', 'en', { field: 'theme' }).message).toBe(
      `The field "This year's theme" contains code (e.g. <script>), which is not allowed.`,
    );
  });
});
