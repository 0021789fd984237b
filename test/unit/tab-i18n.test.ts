import { describe, expect, it } from 'vitest';
import { makeTranslate } from '../../src/tab/i18n.js';

describe('the tab’s texts', () => {
  it('uses the singular for one, the plural otherwise, in each language', () => {
    const da = makeTranslate('da');
    const en = makeTranslate('en');
    expect(da('evaluation.conversations', { count: 1 })).toBe('1 samtale');
    expect(da('evaluation.conversations', { count: 3 })).toBe('3 samtaler');
    expect(en('evaluation.responses', { count: 1 })).toBe('1 response');
    expect(en('evaluation.responses', { count: 0 })).toBe('0 responses');
  });

  it('writes numbers the language’s way', () => {
    expect(makeTranslate('da')('evaluation.average', { average: 3.7 })).toBe('gennemsnit 3,7 af 5');
    expect(makeTranslate('en')('evaluation.average', { average: 3.7 })).toBe('average 3.7 of 5');
  });
});
