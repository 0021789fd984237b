import * as z from 'zod/mini';

export const roleSchema = z.enum([
  'municipalLead',
  'schoolLeader',
  'facilitator',
  'minuteTaker',
  'boardMember',
  'pupilRepresentative',
  'staffRepresentative',
  'participant',
]);
export const conversationStatusSchema = z.enum([
  'draft',
  'invited',
  'agendaSent',
  'held',
  'minutesDrafted',
  'minutesApproved',
  'published',
  'cancelled',
]);
export const attendeeResponseSchema = z.enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded']);
/** Instants travel as ISO 8601 strings. */
export const instant = z.string();
export const nullableString = z.nullable(z.string());
