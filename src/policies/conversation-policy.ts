import type { Conversation } from '../domain/conversation.js';

/** Who the signed-in person is, as far as permissions care. */
export interface Actor {
  upn: string;
  /** Municipal leads of the municipality the app is installed for. */
  isMunicipalLead: boolean;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const conversationPolicy = {
  canPlan: (actor: Actor): boolean => actor.isMunicipalLead,

  /** Test results and reflections live in a conversation: only its participants and the municipal lead see it. */
  canRead: (actor: Actor, conversation: Pick<Conversation, 'participants'>): boolean =>
    actor.isMunicipalLead || conversation.participants.some((p) => same(p.upn, actor.upn)),

  /** The right of initiative is the school leader's alone. */
  canEditSchoolPart: (actor: Actor, conversation: Pick<Conversation, 'schoolLeaderUpn'>): boolean =>
    same(actor.upn, conversation.schoolLeaderUpn),

  /** The minutes: the school leader is responsible; the minute taker writes them. */
  canEditMinutes: (actor: Actor, conversation: Pick<Conversation, 'schoolLeaderUpn' | 'participants'>): boolean =>
    same(actor.upn, conversation.schoolLeaderUpn) ||
    conversation.participants.some((p) => p.role === 'minuteTaker' && same(p.upn, actor.upn)),

  /** Approving (and so publishing) is the school leader's responsibility alone. */
  canApproveMinutes: (actor: Actor, conversation: Pick<Conversation, 'schoolLeaderUpn'>): boolean =>
    same(actor.upn, conversation.schoolLeaderUpn),

  /** Reflection rounds are run by the facilitator; the school leader and the municipality's lead can stand in. */
  canFacilitate: (actor: Actor, conversation: Pick<Conversation, 'schoolLeaderUpn' | 'participants'>): boolean =>
    same(actor.upn, conversation.schoolLeaderUpn) ||
    conversation.participants.some((p) => same(p.upn, actor.upn) && (p.role === 'facilitator' || p.role === 'municipalLead')),

  /** Reflections, preparation answers and evaluations are shared with the conversation's participants only. */
  isParticipant: (actor: Pick<Actor, 'upn'>, conversation: Pick<Conversation, 'participants'>): boolean =>
    conversation.participants.some((p) => same(p.upn, actor.upn)),

  /** The municipality invited, so the municipality cancels. */
  canCancel: (actor: Actor): boolean => actor.isMunicipalLead,

  canRetrySideEffects: (actor: Actor, conversation: Pick<Conversation, 'schoolLeaderUpn' | 'organizerUpn'>): boolean =>
    actor.isMunicipalLead || same(actor.upn, conversation.schoolLeaderUpn),
};
