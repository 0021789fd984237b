import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conversationWithAgendaSent, lead, leader, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Property: whatever JSON arrives at any JSON route or at the bot's endpoint
 * (any shape, any characters, deep nesting), the answer is never a 5xx and no
 * conversation appears or changes by accident.
 */
let app: TestApp;
let id = '';
const tokens: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  id = await conversationWithAgendaSent(app, [{ upn: 'jonas.kjaer@sohavn.example', role: 'facilitator' }]);
  for (const upn of [lead, leader]) {
    tokens[upn] = (
      await (
        await fetch(`${app.url}/api/dev/sign-in`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ upn }),
        })
      ).json()
    ).token;
    await fetch(`${app.url}/api/me`, { headers: { Authorization: `Bearer ${tokens[upn]}` } });
  }
});
afterAll(() => app.stop());

const state = async () =>
  (
    await app.db.query<{ c: number; v: number }>(
      'select (select count(*)::int from conversations) as c, (select coalesce(sum(version), 0)::int from conversations) as v',
    )
  )[0]!;

const routes = (): [string, string, string][] => [
  ['POST', '/api/conversations', lead],
  ['PUT', `/api/conversations/${id}/plan`, lead],
  ['PUT', `/api/conversations/${id}/school-part`, leader],
  ['POST', `/api/conversations/${id}/send-agenda`, leader],
  ['POST', `/api/conversations/${id}/cancel`, lead],
  ['PUT', `/api/conversations/${id}/minutes`, leader],
  ['PUT', `/api/conversations/${id}/drafts/minutes`, leader],
  ['PUT', `/api/conversations/${id}/preparation/mine`, leader],
  ['POST', `/api/conversations/${id}/reflection-rounds`, leader],
  ['PUT', `/api/conversations/${id}/first-conversation`, lead],
  ['POST', '/api/dev/sign-in', lead],
  ['POST', '/api/messages', lead],
];

// Any JSON, with strings of any characters (control characters and lone surrogates included) and some depth.
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe('fuzzing every JSON route', () => {
  it('never answers 5xx and never changes a conversation by accident', async () => {
    await app.runner.drain();
    const before = await state();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes()), anyJson, async ([method, path, upn], body) => {
        const response = await fetch(`${app.url}${path}`, {
          method,
          headers: { Authorization: `Bearer ${tokens[upn]}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        await response.arrayBuffer();
        return response.status < 500;
      }),
      { numRuns: 300, seed: 40_24 },
    );
    await app.runner.drain();
    expect(await state()).toEqual(before);
  }, 120_000);
});
