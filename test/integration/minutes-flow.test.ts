import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { startTestApp, lead, leader, planBody, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

let app: TestApp;
let asLead: ApiCaller;
let asLeader: ApiCaller;
let asMinuteTaker: ApiCaller;
let id: string;
let clock = new Date('2026-11-22T10:00:00Z');

beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  [asLead, asLeader, asMinuteTaker] = (await Promise.all([lead, leader, 'peter.lind@sohavn.example'].map((u) => app.as(u)))) as [
    ApiCaller,
    ApiCaller,
    ApiCaller,
  ];
  id = (await asLead('POST', '/conversations', planBody())).body.id;
  await app.runner.drain();
  const c = (await asLeader('GET', `/conversations/${id}`)).body;
  await asLeader('PUT', `/conversations/${id}/school-part`, {
    version: c.version,
    developmentAreas: 'Pauserne',
    learningFocus: 'Hvordan bliver frikvarteret et læringsrum?',
    participants: [
      { upn: 'peter.lind@sohavn.example', role: 'minuteTaker' },
      { upn: 'camilla.bro@sohavn.example', role: 'participant' },
    ],
  });
  await app.runner.drain();
});
afterAll(() => app.stop());

const content = (publicNote: string, extra: Record<string, unknown> = {}) => ({
  itemNotes: {
    data: 'Skolelederen viste, at 53 procent når Fremragende i læsning (fortroligt, kun til deltagerne).',
    decision: 'Vi arbejder videre med pauserne.',
  },
  decisions: [{ id: randomUUID(), text: 'Prøvehandlinger i frikvartererne i foråret.' }],
  agreements: [
    { id: randomUUID(), what: 'Legepatrulje i indskolingen', owner: 'Skoleleder', dueDate: '2027-05-01', followUpDate: '2027-06-15' },
  ],
  publicNote,
  confirmedWarnings: [],
  ...extra,
});

describe(`minutes, the publication guard and publishing (${databaseKind()})`, () => {
  it('cannot be written before the meeting has started', async () => {
    const response = await asMinuteTaker('PUT', `/conversations/${id}/minutes`, {
      version: 0,
      content: content('Tak for en god samtale.'),
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('MINUTES_BEFORE_MEETING');
  });

  it('lets the minute taker write them after the meeting, and shows the guard’s findings on the public note', async () => {
    clock = new Date('2027-03-10T11:00:00Z');
    const saved = await asMinuteTaker('PUT', `/conversations/${id}/minutes`, {
      version: 0,
      content: content(
        'Andelen af elever med dårlige resultater i de nationale test er steget fra 5 til 9 procent. Camilla fortalte om forældrenes perspektiv.',
      ),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.status).toBe('minutesDrafted');
    expect(saved.body.findings.map((f: any) => [f.rule, f.severity, f.text])).toEqual([
      ['testResultRange', 'blocking', '5'],
      ['testResultRange', 'blocking', '9'],
      ['name', 'warning', 'Camilla'],
    ]);
  });

  it('refuses a second editor’s save based on an old version', async () => {
    const stale = await asLeader('PUT', `/conversations/${id}/minutes`, { version: 0, content: content('Noget andet.') });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
  });

  it('refuses approval while the note states a test-result level, naming the sentence', async () => {
    const m = (await asLeader('GET', `/conversations/${id}/minutes`)).body;
    const refused = await asLeader('POST', `/conversations/${id}/minutes/approve`, { version: m.version });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PUBLIC_NOTE_HAS_TEST_RESULTS');
    expect(refused.body.details.sentences[0]).toContain('fra 5 til 9 procent');
    expect((await asLeader('GET', `/conversations/${id}`)).body.status).toBe('minutesDrafted');
  });

  it('never approves a CPR number, even ticked as confirmed, and checks the names in the agreements’ owners', async () => {
    let m = (await asLeader('GET', `/conversations/${id}/minutes`)).body;
    const original = m.content.agreements;
    const put = async (change: Record<string, unknown>) =>
      (await asLeader('PUT', `/conversations/${id}/minutes`, { version: m.version, content: { ...m.content, ...change } })).body;

    m = await put({ publicNote: 'Trivslen er steget. Eleven 010203-1234 er henvist til PPR.', confirmedWarnings: ['cpr:010203-1234'] });
    expect(m.findings.map((f: any) => [f.rule, f.severity, f.confirmed])).toEqual([['cpr', 'blocking', false]]);
    const refused = await asLeader('POST', `/conversations/${id}/minutes/approve`, { version: m.version });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PUBLIC_NOTE_HAS_CPR');
    expect(refused.body.message).toContain('aldrig');

    m = await put({
      publicNote: 'Trivslen er steget.',
      confirmedWarnings: [],
      agreements: [{ ...original[0], owner: 'Zainab fra 4.a og hendes mor' }],
    });
    expect(m.findings.map((f: any) => [f.field.split(':').at(-1), f.rule, f.text])).toEqual([['owner', 'name', 'Zainab']]);
    const unconfirmedOwner = await asLeader('POST', `/conversations/${id}/minutes/approve`, { version: m.version });
    expect(unconfirmedOwner.body.code).toBe('PUBLIC_NOTE_HAS_PERSONAL_DATA');
    expect((await asLeader('GET', `/conversations/${id}`)).body.status).toBe('minutesDrafted');
    m = await put({ agreements: original });
  });

  it('answers odd notes clearly and never fails: 200,000 characters, emoji and other scripts, markup', async () => {
    let m = (await asLeader('GET', `/conversations/${id}/minutes`)).body;
    const huge = await asLeader('PUT', `/conversations/${id}/minutes`, {
      version: m.version,
      content: { ...m.content, publicNote: 'Trivslen er steget. '.repeat(10_000) },
    });
    expect(huge.status).toBe(400);
    expect(huge.body.code).toBe('VALIDATION_FAILED');
    // Markup is refused like in every other text (it would otherwise show literally on the public page).
    for (const [field, content] of [
      ['publicNote', { ...m.content, publicNote: 'Trivslen er <b>steget</b>.' }],
      ['decisions', { ...m.content, decisions: [{ id: crypto.randomUUID(), text: '<script>x</script>' }] }],
    ] as const) {
      const markup = await asLeader('PUT', `/conversations/${id}/minutes`, { version: m.version, content });
      expect(markup.status).toBe(400);
      expect(markup.body).toMatchObject({ code: 'UNSAFE_CONTENT', details: { field } });
    }
    const odd = await asLeader('PUT', `/conversations/${id}/minutes`, {
      version: m.version,
      content: { ...m.content, publicNote: '🎉 Привет 你好 مرحبا 2 < 3 og 5 > 4. Trivslen er steget.' },
    });
    expect(odd.status).toBe(200);
    // Control characters (a bell pasted from somewhere) are refused, naming the field.
    const bell = await asLeader('PUT', `/conversations/${id}/minutes`, {
      version: odd.body.version,
      content: { ...odd.body.content, publicNote: 'Trivslen er steget.\u0007' },
    });
    expect(bell.status).toBe(400);
    expect(bell.body.code).toBe('CONTROL_CHARACTERS');
    m = odd.body;
    const empty = await asLeader('PUT', `/conversations/${id}/minutes`, { version: m.version, content: { ...m.content, publicNote: '' } });
    expect(empty.status).toBe(200);
    const refused = await asLeader('POST', `/conversations/${id}/minutes/approve`, { version: empty.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PUBLIC_NOTE_EMPTY');
  });

  it('refuses approval while personal data is unconfirmed, then accepts once confirmed', async () => {
    let m = (await asLeader('GET', `/conversations/${id}/minutes`)).body;
    m = (
      await asLeader('PUT', `/conversations/${id}/minutes`, {
        version: m.version,
        content: {
          ...m.content,
          publicNote: 'Andelen af elever med dårlige resultater i de nationale test er steget. Camilla fortalte om forældrenes perspektiv.',
        },
      })
    ).body;
    const refused = await asLeader('POST', `/conversations/${id}/minutes/approve`, { version: m.version });
    expect(refused.body.code).toBe('PUBLIC_NOTE_HAS_PERSONAL_DATA');
    expect(refused.body.message).toContain('Camilla');
    const fingerprint = m.findings.find((f: any) => f.rule === 'name').fingerprint;
    m = (
      await asLeader('PUT', `/conversations/${id}/minutes`, {
        version: m.version,
        content: { ...m.content, confirmedWarnings: [fingerprint] },
      })
    ).body;
    expect(m.findings.every((f: any) => f.severity !== 'warning' || f.confirmed)).toBe(true);
    expect((await asMinuteTaker('POST', `/conversations/${id}/minutes/approve`, { version: m.version })).status).toBe(403);
    const blocked = await fetch(`${app.url}/sandbox/_control/block-bot`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn: 'camilla.bro@sohavn.example', blocked: true }),
    });
    expect(await blocked.json()).toEqual({ blocked: true });
    const approved = await asLeader('POST', `/conversations/${id}/minutes/approve`, { version: m.version });
    expect(approved.status).toBe(200);
    expect(approved.body.approved).toBe(true);
  });

  it('puts both documents in SharePoint, tells the participants in Teams chat (mail where the bot cannot reach) and publishes the note', async () => {
    await app.runner.drain();
    const state = app.sandbox!.state;
    const internal = state.driveItems.find((i) => i.name === 'Referat (internt).docx')!;
    const publicDocx = state.driveItems.find((i) => i.name === 'Notat til hjemmesiden.docx')!;
    const text = async (blob: string) =>
      (await (await JSZip.loadAsync(state.readBlob(blob))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    expect(await text(internal.blob!)).toContain('53 procent');
    const publicText = await text(publicDocx.blob!);
    expect(publicText).not.toContain('53 procent');
    expect(publicText).toContain('Legepatrulje i indskolingen');
    const core = await (await JSZip.loadAsync(state.readBlob(publicDocx.blob!))).file('docProps/core.xml')!.async('string');
    expect(core).not.toMatch(/Anders|Peter|Holm|Lind/);

    // Camilla blocked the bot (set before approval): she gets the mail; the others the chat card.
    const minutesCardFor = (upn: string) =>
      state.chats
        .find((c) => c.userId === state.findUser(upn)!.id)
        ?.activities.find((a) => JSON.stringify(a.attachments).includes('Referatet er godkendt'));
    for (const upn of ['mette.lund@sohavn.example', 'peter.lind@sohavn.example']) {
      const card = JSON.stringify(minutesCardFor(upn)!.attachments);
      expect(card).toContain('/offentligt/notat/');
      expect(card).toContain('Internt referat (Word)');
    }
    expect(minutesCardFor('camilla.bro@sohavn.example'), 'camilla').toBeUndefined();
    expect(minutesCardFor(leader), 'leader').toBeUndefined();
    const mails = state.messages.filter((m) => m.kind === 'mail');
    expect(mails.map((m) => m.mailbox)).toEqual(['camilla.bro@sohavn.example']);
    expect(mails[0]!.from.address).toBe(leader);
    expect(mails[0]!.bodyHtml).toContain('/offentligt/notat/');

    const m = (await asLead('GET', `/conversations/${id}/minutes`)).body;
    expect(m.links.publicNote).toMatch(/\/offentligt\/notat\/[A-Za-z0-9_-]{24}$/);
    const page = await fetch(m.links.publicNote);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Andelen af elever med dårlige resultater i de nationale test er steget.');
    expect(html).not.toContain('53 procent');
    const published = (await asLead('GET', `/conversations/${id}`)).body;
    expect(published.status).toBe('published');
    expect(Object.fromEntries(published.requirements.map((r: any) => [r.key, r.status]))).toEqual({
      yearlyConversation: 'met',
      rightOfInitiative: 'met',
      municipalityTopics: 'met',
      testResults: 'met',
      followUp: 'missing', // the Aarhus 2025 template has no follow-up item
      actionPlanStatus: 'notApplicable',
      publishedNote: 'missing', // until the school records where its website shows the note
    });
    expect((await asLead('PUT', `/conversations/${id}/minutes/website-url`, { url: 'https://bakkeskolen.dk/notat' })).status).toBe(403);
    expect((await asLeader('PUT', `/conversations/${id}/minutes/website-url`, { url: 'javascript:alert(1)' })).status).toBe(400);
    expect((await asLeader('PUT', `/conversations/${id}/minutes/website-url`, { url: 'bakkeskolen.dk/mit notat' })).status).toBe(400);
    // Written as people write it: https:// is added.
    const plain = await asLeader('PUT', `/conversations/${id}/minutes/website-url`, { url: 'bakkeskolen.dk/notat' });
    expect(plain.body.links.website).toBe('https://bakkeskolen.dk/notat');
    const recorded = await asLeader('PUT', `/conversations/${id}/minutes/website-url`, {
      url: 'https://bakkeskolen.dk/skoleudviklingssamtale-2027',
    });
    expect(recorded.body.links.website).toBe('https://bakkeskolen.dk/skoleudviklingssamtale-2027');
    const after = (await asLead('GET', `/conversations/${id}`)).body;
    expect(after.requirements.find((r: any) => r.key === 'publishedNote')).toMatchObject({ status: 'met', reason: 'noteOnWebsite' });
    expect((await fetch(`${app.url}/offentligt/notat/notarealidentifier1234`)).status).toBe(404);
  });
});
