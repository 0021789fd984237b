import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, lead, leader, planBody, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

let app: TestApp;
let asLead: ApiCaller;
let asLeader: ApiCaller;
let id: string;

beforeAll(async () => {
  app = await startTestApp({ startJobs: false });
  asLead = await app.as(lead);
  asLeader = await app.as(leader);
  id = (await asLead('POST', '/conversations', planBody({ templateId: 'aarhus-2025' }))).body.id;
});
afterAll(() => app.stop());

const requirement6 = async () =>
  (await asLead('GET', `/conversations/${id}`)).body.requirements.find((r: any) => r.key === 'actionPlanStatus');

describe(`a school's handlingsplan or udviklingsplan (${databaseKind()})`, () => {
  it('is not applicable until a plan is registered', async () => {
    expect(await requirement6()).toMatchObject({ status: 'notApplicable', reason: 'noActionPlan' });
  });

  it('is registered with its document by the school leader, and the checklist then asks for an agenda item', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4 udviklingsplan');
    const registered = await asLeader('PUT', '/schools/bakkeskolen/plan', pdf, {
      'Content-Type': 'application/pdf',
      'X-Plan-Kind': 'udviklingsplan',
      'X-File-Name': encodeURIComponent('Udviklingsplan 2026.pdf'),
    });
    expect(registered.status).toBe(200);
    expect(registered.body.plan).toMatchObject({ kind: 'udviklingsplan', fileName: 'Udviklingsplan 2026.pdf', sizeBytes: pdf.length });
    // The Aarhus 2025 template has no item on the plan's status.
    expect(await requirement6()).toMatchObject({ status: 'missing', reason: 'noActionPlanItem' });
  });

  it('keeps the document for download by those who may see it, and not for other schools’ leaders', async () => {
    const token = await (
      await fetch(`${app.url}/api/dev/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn: leader }),
      })
    ).json();
    const download = await fetch(`${app.url}/api/schools/bakkeskolen/plan/document`, {
      headers: { Authorization: `Bearer ${token.token}` },
    });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('%PDF-1.4 udviklingsplan');
    const other = await app.as('sofie.berg@sohavn.example');
    expect((await other('GET', '/schools/bakkeskolen/plan')).status).toBe(403);
    expect(
      (await other('PUT', '/schools/bakkeskolen/plan', new Uint8Array([1]), { 'X-Plan-Kind': 'handlingsplan', 'X-File-Name': 'x.pdf' }))
        .status,
    ).toBe(403);
  });

  it('refuses an unknown kind or school, and can be removed by the municipality', async () => {
    expect(
      (await asLead('PUT', '/schools/bakkeskolen/plan', new Uint8Array([1]), { 'X-Plan-Kind': 'strategi', 'X-File-Name': 'x.pdf' })).status,
    ).toBe(400);
    expect((await asLead('GET', '/schools/hogwarts/plan')).status).toBe(422);
    expect((await asLead('DELETE', '/schools/bakkeskolen/plan')).status).toBe(200);
    expect(await requirement6()).toMatchObject({ status: 'notApplicable' });
  });
});
