/** What several benches set up the same way: a signed-in lead, and a conversation with many people in the sandbox. */
import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../src/compose.js';
import { conversationRepository } from '../../src/store/conversation-repository.js';
import { planConversation } from '../../src/domain/conversation.js';
import { stableUserId } from '../../src/sandbox/demo-tenant.js';

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
  const template = app.ctx.templates.find((t) => t.id === 'aarhus-2025')!;
  const startsAt = new Date(Date.now() + 3 * 24 * 60 * 60_000);
  const planned = planConversation(
    {
      id: randomUUID(),
      municipality: 'Søhavn Kommune',
      school: { id: 'bakkeskolen', name: 'Bakkeskolen', leaderUpn: 'anders.holm@sohavn.example', leaderName: 'Anders Holm' },
      organizer: { upn: 'mette.lund@sohavn.example', displayName: 'Mette Lund' },
      template,
      theme: '',
      extraTopics: [],
      startsAt,
      endsAt: new Date(startsAt.getTime() + 120 * 60_000),
    },
    new Date(),
  );
  const conversation = { ...planned, status: 'agendaSent' as const, participants: [...planned.participants, ...people] };
  await conversationRepository.insert(app.db, conversation, randomUUID(), 'bench');
  return conversation;
}
