import { z } from 'zod';

/**
 * The people at a development conversation, named as code calls them (see
 * domain.md). The school leader invites several perspectives (seed 000): the
 * board, the pupils, the staff — each with their own preparation.
 */
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
export type Role = z.infer<typeof roleSchema>;
export const roles = roleSchema.options;

/** The roles the school leader can give the people they invite (the municipal lead and the school leader are fixed). */
export const invitedRoles = [
  'participant',
  'facilitator',
  'minuteTaker',
  'boardMember',
  'pupilRepresentative',
  'staffRepresentative',
] as const;
export type InvitedRole = (typeof invitedRoles)[number];
