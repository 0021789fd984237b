import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { lead, planBody, startTestApp, type ApiCaller, type TestApp } from '../support/test-app.js';

/** Malformed requests are the sender's mistake: a 4xx with a code and a Danish message, never a 500, and nothing changes. */
let app: TestApp;
let asLead: ApiCaller;
let token = '';
beforeAll(async () => {
  app = await startTestApp();
  asLead = await app.as(lead);
  await asLead('GET', '/me');
  token = (
    await (
      await fetch(`${app.url}/api/dev/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn: lead }),
      })
    ).json()
  ).token;
});
afterAll(() => app.stop());

const conversations = async () => (await app.db.query<{ n: number }>('select count(*)::int as n from conversations'))[0]!.n;
const raw = (path: string, init: RequestInit) =>
  fetch(`${app.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

describe('malformed requests', () => {
  it('refuses control characters in any text (NUL in the theme), naming the field', async () => {
    const before = await conversations();
    const response = await asLead('POST', '/conversations', planBody({ theme: 'Trivsel\u0000' }));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'CONTROL_CHARACTERS', message: expect.stringContaining('kontroltegn') });
    expect(await conversations()).toBe(before);
  });

  it('answers a body that is not what it says (gzip, charset, encoding) with 400 or 415', async () => {
    const body = JSON.stringify(planBody());
    const cases: [RequestInit['headers'], BodyInit, number][] = [
      [{ 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, body, 415],
      [{ 'Content-Type': 'application/json; charset=foo' }, body, 415],
      [{ 'Content-Type': 'application/json', 'Content-Encoding': 'br' }, gzipSync(body), 415],
    ];
    for (const [headers, payload, status] of cases) {
      const response = await raw('/api/conversations', { method: 'POST', headers, body: payload });
      expect(response.status, JSON.stringify(headers)).toBe(status);
      expect((await response.json()).message).toBeTruthy();
    }
  });

  it('answers malformed activities on /api/messages with 400, and never talks to a service URL it does not know', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': type }, body });
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const body of [
      '',
      '{}',
      '[]',
      deep,
      JSON.stringify({ type: 'message', text: 'hej', conversation: { id: 'c' }, serviceUrl: 'http://169.254.169.254/' }),
    ]) {
      const response = await post(body);
      expect(response.status, body.slice(0, 60)).toBe(400);
    }
    expect((await post('hej', 'text/plain')).status).toBe(400);
  });

  it('sends security headers: no sniffing, a CSP on the app, the public note not frameable', async () => {
    const tab = await fetch(`${app.url}/`);
    expect(tab.headers.get('x-content-type-options')).toBe('nosniff');
    expect(tab.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://teams.microsoft.com");
    expect(tab.headers.get('content-security-policy')).not.toContain("script-src 'self' 'unsafe-inline'");
    const note = await fetch(`${app.url}/offentligt/notat/findes-ikke`);
    expect(note.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('refuses anything that opens a tag, closed or not', async () => {
    const response = await asLead('POST', '/conversations', planBody({ theme: '<img src=x onerror=alert(1)' }));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('UNSAFE_CONTENT');
    expect(
      (
        await asLead(
          'POST',
          '/conversations',
          planBody({ theme: 'Trivsel: 2 < 3 og 5 > 4', startsAt: '2027-06-01T07:00:00Z', endsAt: '2027-06-01T09:00:00Z' }),
        )
      ).status,
    ).toBe(201);
  });
});
