import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { conversationWithAgendaSent, lead, leader, startTestApp, waitFor, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';
import { catalogSchema, devUsersSchema, meSchema, overviewSchema, peopleSchema, schoolPlanSchema } from '../../src/api/catalog.js';
import { addedDocumentSchema, conversationDetailsSchema, conversationListSchema } from '../../src/api/conversation.js';
import { minutesDetailsSchema } from '../../src/api/minutes.js';
import {
  conversationEvaluationSchema,
  municipalityEvaluationSchema,
  preparationListSchema,
  reflectionRoundsSchema,
} from '../../src/api/chat-results.js';

/**
 * Every response the tab reads, from a real run through the API, parsed with
 * the contract the tab parses it with (src/api/). A presenter that drifts
 * from the declaration fails here, even where no browser test looks.
 */
let app: TestApp;
let clock = new Date('2026-11-22T10:00:00Z');
let asLead: ApiCaller;
let asLeader: ApiCaller;
let id: string;

beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  asLead = await app.as(lead);
  asLeader = await app.as(leader);
  id = await conversationWithAgendaSent(app, [
    { upn: 'jonas.kjaer@sohavn.example', role: 'facilitator' },
    { upn: 'camilla.bro@sohavn.example', role: 'participant' },
  ]);
  await app.runner.drain();
});
afterAll(() => app.stop());

async function expectContract(schema: z.ZodMiniType, call: Promise<{ status: number; body: unknown }>) {
  const { status, body } = await call;
  expect(status, JSON.stringify(body)).toBeLessThan(300);
  const result = schema['~standard'].validate(body) as { issues?: readonly { message: string; path?: unknown }[] };
  expect(result.issues ?? [], JSON.stringify(result.issues)).toEqual([]);
}

describe(`the API answers what its contract declares (${databaseKind()})`, () => {
  it('catalogue, people, overview and the sign-in list', async () => {
    await expectContract(meSchema, asLead('GET', '/me'));
    await expectContract(catalogSchema, asLead('GET', '/catalog'));
    await expectContract(overviewSchema, asLead('GET', '/overview'));
    await expectContract(peopleSchema, asLead('GET', '/people?q=camilla'));
    await expectContract(devUsersSchema, asLead('GET', '/dev/users'));
  });

  it('conversations, documents and school plans', async () => {
    await expectContract(conversationListSchema, asLead('GET', '/conversations'));
    await expectContract(conversationDetailsSchema, asLeader('GET', `/conversations/${id}`));
    await expectContract(
      addedDocumentSchema,
      asLeader('POST', `/conversations/${id}/documents`, new Uint8Array([1, 2, 3]), {
        'X-File-Name': encodeURIComponent('Data.pdf'),
        'Content-Type': 'application/pdf',
      }),
    );
    await expectContract(schoolPlanSchema, asLeader('GET', '/schools/bakkeskolen/plan'));
  });

  it('reflection rounds, preparation, evaluation and minutes', async () => {
    clock = new Date('2027-03-10T08:30:00Z');
    const asFacilitator = await app.as('jonas.kjaer@sohavn.example');
    await expectContract(
      reflectionRoundsSchema,
      asFacilitator('POST', `/conversations/${id}/reflection-rounds`, { itemKey: 'reflection' }),
    );
    await expectContract(reflectionRoundsSchema, asFacilitator('GET', `/conversations/${id}/reflection-rounds`));
    await expectContract(preparationListSchema, asLeader('GET', `/conversations/${id}/preparation`));
    await expectContract(conversationEvaluationSchema, asLeader('GET', `/conversations/${id}/evaluation`));
    await expectContract(municipalityEvaluationSchema, asLead('GET', '/evaluations'));
    await expectContract(minutesDetailsSchema, asLeader('GET', `/conversations/${id}/minutes`));
    const minutes = (await asLeader('GET', `/conversations/${id}/minutes`)).body;
    await expectContract(
      minutesDetailsSchema,
      asLeader('PUT', `/conversations/${id}/minutes`, {
        version: minutes.version,
        content: { ...minutes.content, publicNote: 'Trivslen er steget.' },
      }),
    );
    await waitFor(async () => (await asLeader('GET', `/conversations/${id}`)).body.status === 'minutesDrafted');
  });
});
