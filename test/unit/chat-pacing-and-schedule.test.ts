import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter, teamsConversationLimits, teamsTenantLimits } from '../../src/m365/teams-rate-limits.js';
import { ChatPacer, pacedConversationLimits } from '../../bot/chat-pacer.js';
import { sendSlotMs } from '../../src/m365/teams-send-slots.js';
import { memorySendTimeline } from '../../src/m365/memory-send-timeline.js';
import { duePrompts } from '../../src/domain/chat-schedule.js';
import { summarizeEvaluations, assertEvaluationOpen, evaluationDraft } from '../../src/domain/evaluation.js';
import { conversationPolicy } from '../../src/policies/conversation-policy.js';
import { plannedConversation } from '../support/factories.js';

const day = 24 * 60 * 60_000;

describe('Teams rate limits', () => {
  it('lets 50 messages a second through for the tenant and refuses the 51st', () => {
    const limiter = new SlidingWindowLimiter(teamsTenantLimits);
    for (let i = 0; i < 50; i++) expect(limiter.tryTake('app', 1000 + i).ok).toBe(true);
    const refused = limiter.tryTake('app', 1060);
    expect(refused).toEqual({ ok: false, retryAfterMs: 940 });
    expect(limiter.tryTake('app', 2000).ok).toBe(true);
  });

  it('holds a conversation to 7 per second, 8 per 2 seconds and 60 per 30 seconds', () => {
    const limiter = new SlidingWindowLimiter(teamsConversationLimits);
    let t = 0;
    let sent = 0;
    while (t < 30_000) {
      if (limiter.tryTake('c', t).ok) sent++;
      t += 10;
    }
    expect(sent).toBe(60);
  });

  it('lays a fan-out on the send timeline at just under the tenant limit, never over a window', async () => {
    const timeline = memorySendTimeline(pacedConversationLimits, () => 0);
    const reserve = async (chat: string) => (await timeline('tenant', chat)).waitMs;
    const times: number[] = [];
    for (let i = 0; i < 1000; i++) times.push(await reserve(`chat-${i}`));
    // One chatty chat (replies to "hjælp", card updates) asking at the same moment.
    const chatty: number[] = [];
    for (let i = 0; i < 20; i++) chatty.push(await reserve('chat-busy'));
    const teams = new SlidingWindowLimiter(teamsTenantLimits);
    const chats = new SlidingWindowLimiter(teamsConversationLimits);
    const all = [...times.map((t, i) => [t, `chat-${i}`] as const), ...chatty.map((t) => [t, 'chat-busy'] as const)].sort(
      (a, b) => a[0] - b[0],
    );
    // Each send may leave up to a slot late: Teams still never says 429.
    for (const [t, chat] of all) {
      const jitter = (t * 7919) % sendSlotMs;
      expect(teams.tryTake('app', t + jitter).ok).toBe(true);
      expect(chats.tryTake(chat, t + jitter).ok).toBe(true);
    }
    const perSecond = 1000 / ((times.at(-1)! - times[0]!) / 1000);
    expect(perSecond).toBeGreaterThan(45);
    expect(perSecond).toBeLessThanOrEqual(50);
    // The busy chat waits for its own windows (60 per 30 s) without holding the others back.
    expect(chatty.at(-1)!).toBeGreaterThan(2000);
    expect(new Set(all.map(([t]) => t)).size).toBe(all.length); // one message per slot
  });

  it('takes a fresh slot when woken too late, so late messages do not go out in a bunch', async () => {
    let clock = 0;
    let reservations = 0;
    const pacer = new ChatPacer(
      async () => {
        reservations++;
        return { waitMs: 100 };
      },
      async (ms) => void (clock += ms + (reservations === 1 ? 80 : 0)), // the first wake comes 80 ms late
      () => clock,
    );
    await pacer.acquire('tenant', 'chat');
    expect(reservations).toBe(2);
  });
});

describe('chat schedule', () => {
  const c = plannedConversation(); // 10 March 2027, status draft
  const at = (daysBefore: number) => new Date(c.startsAt.getTime() - daysBefore * day);

  it('reminds the school leader 10 and then 7 days before while the agenda is not sent', () => {
    expect(duePrompts({ ...c, status: 'invited' }, at(11))).toEqual([]);
    expect(duePrompts({ ...c, status: 'invited' }, at(9.5))).toEqual([
      { kind: 'deadlineReminder', key: `reminder:${c.id}:10`, recipients: ['anders.holm@sohavn.example'], daysBefore: 10 },
    ]);
    expect(duePrompts({ ...c, status: 'invited' }, at(6)).map((p) => p.key)).toEqual([`reminder:${c.id}:7`]);
    expect(duePrompts({ ...c, status: 'agendaSent', agendaSentAt: at(8) }, at(6))).toEqual([]);
  });

  it('sends preparation two days before to everyone not declining, and the evaluation at the end', () => {
    const sent = { ...c, status: 'agendaSent' as const, agendaSentAt: at(8) };
    expect(duePrompts(sent, at(1.5)).map((p) => p.kind)).toEqual(['preparation']);
    // Nothing to prepare from before the agenda (and its welcome card) has gone out; the reminder comes instead.
    expect(duePrompts({ ...c, status: 'invited' }, at(1.5)).map((p) => p.kind)).toEqual(['deadlineReminder']);
    const after = new Date(c.endsAt.getTime() + 60_000);
    expect(duePrompts(sent, after)).toEqual([
      { kind: 'evaluation', key: `evaluation:${c.id}`, recipients: c.participants.map((p) => p.upn) },
    ]);
    expect(duePrompts({ ...sent, status: 'cancelled' }, after)).toEqual([]);
    expect(duePrompts({ ...sent, status: 'minutesApproved' }, after)).toEqual([]);
  });
});

describe('evaluation', () => {
  it('summarises counts, average and the texts that were written', () => {
    const s = summarizeEvaluations([
      { rating: 5, wentWell: 'Struktur', adjust: '', carryForward: '' },
      { rating: 3, wentWell: '', adjust: 'Mere tid', carryForward: 'Data tidligere' },
      { rating: 4, wentWell: 'Dialogen', adjust: '', carryForward: '' },
    ]);
    expect(s).toEqual({
      responses: 3,
      ratingCounts: [0, 0, 1, 1, 1],
      averageRating: 4,
      wentWell: ['Struktur', 'Dialogen'],
      adjust: ['Mere tid'],
      carryForward: ['Data tidligere'],
    });
    expect(summarizeEvaluations([]).averageRating).toBeNull();
  });

  it('drafts the minutes’ evaluation item from the answers, in Danish, without names', () => {
    const draft = evaluationDraft(
      summarizeEvaluations([
        { rating: 5, wentWell: 'Struktur', adjust: '', carryForward: '' },
        { rating: 4, wentWell: '', adjust: 'Mere tid', carryForward: '' },
      ]),
    );
    expect(draft).toBe(
      'Evaluering i Teams-chatten: 2 svar, gennemsnitlig vurdering 4,5 af 5.\n\nDet fungerede godt:\n- Struktur\n\nKan med fordel justeres:\n- Mere tid',
    );
    expect(evaluationDraft(summarizeEvaluations([]))).toBeNull();
  });

  it('is open from the meeting’s start (it may end early) until the minutes are approved', () => {
    const start = new Date('2027-03-10T08:00:00Z');
    expect(() => assertEvaluationOpen('agendaSent', start, new Date('2027-03-10T07:59:00Z'))).toThrow('EVALUATION_NOT_YET');
    expect(() => assertEvaluationOpen('agendaSent', start, new Date('2027-03-10T09:00:00Z'))).not.toThrow();
    expect(() => assertEvaluationOpen('minutesDrafted', start, new Date('2027-03-11T09:00:00Z'))).not.toThrow();
    expect(() => assertEvaluationOpen('minutesApproved', start, new Date('2027-03-11T09:00:00Z'))).toThrow('EVALUATION_CLOSED');
  });
});

describe('who may run rounds and read reflections', () => {
  const c = {
    ...plannedConversation(),
    participants: [
      ...plannedConversation().participants,
      {
        upn: 'jonas.kjaer@sohavn.example',
        displayName: 'Jonas',
        role: 'facilitator' as const,
        response: 'accepted' as const,
        external: false,
        invited: true,
      },
      {
        upn: 'camilla.bro@sohavn.example',
        displayName: 'Camilla',
        role: 'participant' as const,
        response: 'accepted' as const,
        external: false,
        invited: true,
      },
    ],
  };
  it('the facilitator, the school leader and the municipality’s participant facilitate; others do not', () => {
    expect(conversationPolicy.canFacilitate({ upn: 'jonas.kjaer@sohavn.example', isMunicipalLead: false }, c)).toBe(true);
    expect(conversationPolicy.canFacilitate({ upn: 'anders.holm@sohavn.example', isMunicipalLead: false }, c)).toBe(true);
    expect(conversationPolicy.canFacilitate({ upn: 'mette.lund@sohavn.example', isMunicipalLead: true }, c)).toBe(true);
    expect(conversationPolicy.canFacilitate({ upn: 'camilla.bro@sohavn.example', isMunicipalLead: false }, c)).toBe(false);
    expect(conversationPolicy.canFacilitate({ upn: 'laerke.dahl@sohavn.example', isMunicipalLead: true }, c)).toBe(false);
  });
  it('only participants count as participants — a municipal lead outside the conversation does not', () => {
    expect(conversationPolicy.isParticipant({ upn: 'CAMILLA.BRO@sohavn.example' }, c)).toBe(true);
    expect(conversationPolicy.isParticipant({ upn: 'laerke.dahl@sohavn.example' }, c)).toBe(false);
  });
});
