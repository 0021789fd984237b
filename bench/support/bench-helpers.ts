/** What several benches set up the same way: a signed-in lead, and a conversation with many people in the sandbox. */
import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../src/compose.js';
import { conversationRepository } from '../../src/store/conversation-repository.js';
import { planConversation } from '../../src/domain/conversation.js';
import { stableUserId } from '../../src/sandbox/demo-tenant.js';
import { startReflectionRound } from '../../src/app/reflection/start-reflection-round.js';
import { planInput } from '../../test/support/factories.js';

/** JSON headers with the dev sign-in's token for a sandbox person (the municipal lead by default). */
export async function signedInHeaders(app: RunningApp, upn = 'mette.lund@sohavn.example'): Promise<Record<string, string>> {
  const signIn = await fetch(`${app.url}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn }),
  });
  const { token } = (await signIn.json()) as { token: string };
  return { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
}

/** `count` new people in the sandbox's directory (deltager<i><suffix>@sohavn.example), as conversation participants. */
export function sandboxPeople(app: RunningApp, count: number, suffix = '') {
  return Array.from({ length: count }, (_, i) => {
    const upn = `deltager${i}${suffix}@sohavn.example`;
    const displayName = `Deltager ${i}`;
    app.sandbox!.state.users.push({ id: stableUserId(upn), displayName, userPrincipalName: upn, mail: upn, jobTitle: '', department: '' });
    return { upn, displayName, role: 'participant' as const, response: 'accepted' as const, external: false, invited: true };
  });
}

/** A conversation three days ahead, its agenda sent, with these people invited; stored directly (the plan flow is another bench's subject). */
export async function conversationWith(app: RunningApp, people: ReturnType<typeof sandboxPeople>) {
  const startsAt = new Date(Date.now() + 3 * 24 * 60 * 60_000);
  const planned = planConversation(
    planInput({ id: randomUUID(), theme: '', startsAt, endsAt: new Date(startsAt.getTime() + 120 * 60_000) }),
    new Date(),
  );
  const conversation = { ...planned, status: 'agendaSent' as const, participants: [...planned.participants, ...people] };
  await conversationRepository.insert(app.db, conversation, randomUUID(), 'bench');
  return conversation;
}

/** A reflection round on the conversation's reflection item, started by its school leader: a card to every participant. */
export const startRoundAsLeader = (app: RunningApp, conversationId: string) =>
  startReflectionRound(app.ctx, { upn: 'anders.holm@sohavn.example', isMunicipalLead: false }, conversationId, 'reflection');
