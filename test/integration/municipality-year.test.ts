import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { conversationWithAgendaSent, lead, planBody, startTestApp, waitFor, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

/** The municipality's year: each school's state, a reminder one click away, and the committee's briefing. */
let app: TestApp;
let clock = new Date('2026-11-22T10:00:00Z');
let asLead: ApiCaller;
let held = '';
let late = '';

beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  asLead = await app.as(lead);
  // Bakkeskolen: agenda sent; Fjordskolen: planned, agenda never sent; Skovbrynets Skole: nothing.
  held = await conversationWithAgendaSent(app, [{ upn: 'jonas.kjaer@sohavn.example', role: 'facilitator' }], {
    theme: 'Trivsel og fællesskab',
    extraTopics: ['Overgange'],
  });
  late = (
    await asLead(
      'POST',
      '/conversations',
      planBody({ schoolId: 'fjordskolen', startsAt: '2027-03-17T08:00:00Z', endsAt: '2027-03-17T10:00:00Z' }),
    )
  ).body.id;
  await app.runner.drain();
});
afterAll(() => app.stop());

describe(`the municipality's year (${databaseKind()})`, () => {
  it('shows the phases and each school’s state; only the municipal lead sees it', async () => {
    const year = (await asLead('GET', '/year')).body;
    expect(year.schoolYear).toBe('2026/27');
    expect(year.phases.map((p: any) => [p.key, p.state])).toEqual([
      ['preparation', 'done'],
      ['conversations', 'current'],
      ['followUp', 'upcoming'],
      ['politicalBriefing', 'upcoming'],
    ]);
    const bySchool = Object.fromEntries(year.schools.map((s: any) => [s.schoolId, s]));
    expect(bySchool.bakkeskolen.conversation.id).toBe(held);
    expect(bySchool.bakkeskolen.agendaSentInTime).toBe(true);
    expect(bySchool.fjordskolen.agendaSentInTime).toBeNull();
    expect(bySchool.skovbrynet.conversation).toBeNull();
    expect(bySchool.bakkeskolen.sideEffects.failed).toBe(0);
    expect((await (await app.as('anders.holm@sohavn.example'))('GET', '/year')).status).toBe(403);
  });

  it('marks what is overdue and sends the school leader a reminder in Teams, once a day', async () => {
    clock = new Date('2027-03-12T10:00:00Z'); // Fjordskolen's agenda was due 10 March
    const year = (await asLead('GET', '/year')).body;
    const fjord = year.schools.find((s: any) => s.schoolId === 'fjordskolen');
    expect(fjord.overdue.map((o: any) => o.kind)).toEqual(['agendaLate']);
    expect((await asLead('POST', '/year/schools/fjordskolen/remind')).body).toEqual({ sent: true });
    expect((await asLead('POST', '/year/schools/fjordskolen/remind')).body).toEqual({ sent: false });
    expect((await asLead('POST', '/year/schools/bakkeskolen/remind')).body.code).toBe('NOTHING_OVERDUE');
    const sofie = app.sandbox!.state.findUser('sofie.berg@sohavn.example')!;
    const card = await waitFor(async () =>
      app
        .sandbox!.state.chats.find((c) => c.userId === sofie.id)
        ?.activities.find((a) => JSON.stringify(a.attachments).includes('Påmindelse fra kommunen')),
    );
    expect(JSON.stringify(card.attachments)).toContain('dagsorden og datapakke');
    expect(late).toBeTruthy();
  });

  it('records why a school has no conversation, refusing markup', async () => {
    const saved = await asLead('PUT', '/year/schools/skovbrynet/reason', {
      schoolYear: '2026/27',
      reason: 'Ny skoleleder fra 1. marts; samtalen holdes i august.',
    });
    expect(saved.body.schools.find((s: any) => s.schoolId === 'skovbrynet').reason).toBe(
      'Ny skoleleder fra 1. marts; samtalen holdes i august.',
    );
    expect((await asLead('PUT', '/year/schools/skovbrynet/reason', { schoolYear: '2026/27', reason: '<b>x</b>' })).status).toBe(400);
  });

  it('builds the briefing with no evaluation under five answers, and the guard’s findings', async () => {
    const briefing = (await asLead('GET', '/year/briefing')).body;
    expect(briefing.counts).toMatchObject({ schools: 3, planned: 2, without: 1 });
    expect(briefing.themes.map((t: any) => t.text)).toEqual(expect.arrayContaining(['Trivsel og fællesskab', 'Overgange']));
    expect(briefing.withoutConversation).toEqual([
      { schoolName: 'Skovbrynets Skole', reason: 'Ny skoleleder fra 1. marts; samtalen holdes i august.' },
    ]);
    expect(briefing.evaluation).toBeNull();
    expect(briefing.charts[0]).toMatchObject({ title: 'Aftaler efter status' });
    expect(briefing.findings).toEqual([]);
  });

  it('shows the evaluation only from five answers, per school too', async () => {
    const answer = (n: number) =>
      app.db.query(
        `insert into evaluations (conversation_id, upn, went_well, adjust, carry_forward, rating) values ($1, $2, 'Tydelig ramme', 'Mere tid', '', $3)`,
        [held, `deltager${n}@sohavn.example`, 4],
      );
    for (let n = 1; n <= 4; n++) await answer(n);
    const four = (await asLead('GET', '/year/briefing')).body;
    expect(four).toMatchObject({ evaluation: null, evaluationResponses: 4, ratingsBySchool: [] });
    await answer(5);
    const five = (await asLead('GET', '/year/briefing')).body;
    expect(five.evaluation).toMatchObject({ responses: 5, averageRating: 4 });
    expect(five.ratingsBySchool).toEqual([{ label: 'Bakkeskolen', average: 4 }]);
    expect(five.charts.map((c: any) => c.title)).toContain('Gennemsnitlig vurdering pr. skole (mindst 5 svar)');
  });

  it('refuses to save with a test-result level, asks for confirmation of a name, then writes a version to SharePoint', async () => {
    await asLead('PUT', '/year/schools/skovbrynet/reason', {
      schoolYear: '2026/27',
      reason: 'Skolen venter på de nationale test, hvor 53 procent af eleverne lå under middel.',
    });
    const blocked = await asLead('POST', '/year/briefing', { schoolYear: '2026/27', confirmed: [] });
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('BRIEFING_BLOCKED');

    await asLead('PUT', '/year/schools/skovbrynet/reason', {
      schoolYear: '2026/27',
      reason: 'Skoleleder Karim Nielsen er ny fra 1. marts.',
    });
    const warned = (await asLead('GET', '/year/briefing')).body.findings;
    expect(warned.some((f: any) => f.severity === 'warning' && f.found.includes('Karim Nielsen'))).toBe(true);
    expect((await asLead('POST', '/year/briefing', { schoolYear: '2026/27', confirmed: [] })).status).toBe(409);
    const saved = await asLead('POST', '/year/briefing', { schoolYear: '2026/27', confirmed: warned.map((f: any) => f.fingerprint) });
    expect(saved.status).toBe(202);
    expect(saved.body.version).toBe(1);
    await app.runner.drain();
    const versions = (await asLead('GET', '/year/briefing')).body.versions;
    expect(versions[0]).toMatchObject({ version: 1, status: 'saved' });
    const file = app.sandbox!.state.driveItems.find((i) => i.name === 'Orientering til udvalget 2026-27 v1.docx')!;
    expect(file).toBeTruthy();
    const zip = await JSZip.loadAsync(app.sandbox!.state.readBlob(file.blob!));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Orientering til det politiske udvalg');
    expect(xml).toContain('Skovbrynets Skole');
    expect(Object.keys(zip.files).some((name) => name.endsWith('.svg'))).toBe(true);
    expect(Object.keys(zip.files).some((name) => name.endsWith('.png'))).toBe(true);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:creator>Udviklingssamtale</dc:creator>');
  });
});
