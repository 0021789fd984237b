import { describe, expect, it } from 'vitest';
import { plainTextProblem } from '../../src/domain/plain-text.js';

describe('the one plain-text rule for everything a person types', () => {
  it('refuses whatever an HTML parser would read as the start of a tag, closed or not', () => {
    for (const text of ['<script>x</script>', '<img src=x onerror=alert(1)', '</b', '<!-- x', '<?xml', 'se javascript:alert(1)'])
      expect(plainTextProblem(text), text).toBe('markup');
  });

  it('lets comparisons, arrows and angle brackets that open nothing through', () => {
    for (const text of ['2 < 3 og 5 > 4', 'elever <10 %', '<3', '-> næste punkt', 'a < b', 'Trivsel: 🎉 Привет'])
      expect(plainTextProblem(text), text).toBeNull();
  });

  it('refuses control characters but keeps tabs and line breaks', () => {
    expect(plainTextProblem('Trivsel\u0000')).toBe('controlCharacters');
    expect(plainTextProblem('bell\u0007')).toBe('controlCharacters');
    expect(plainTextProblem('linje 1\r\nlinje 2\tslut')).toBeNull();
  });

  it('keeps markup where text is only carried (drafts, Teams chat), never control characters', () => {
    expect(plainTextProblem('<b>kladde</b>', 'controlCharactersOnly')).toBeNull();
    expect(plainTextProblem('kladde\u0000', 'controlCharactersOnly')).toBe('controlCharacters');
  });
});
