// No zod here: the tab imports this file, and its bundle stays small (roles.ts builds the schema from these lists).

/** The people at a development conversation, named as code calls them (see domain.md). */
export const roleList = [
  'municipalLead',
  'schoolLeader',
  'facilitator',
  'minuteTaker',
  'boardMember',
  'pupilRepresentative',
  'staffRepresentative',
  'participant',
] as const;
export type Role = (typeof roleList)[number];

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
