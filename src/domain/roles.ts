import { z } from 'zod';
import { roleList } from './role-list.js';

/**
 * The people at a development conversation, named as code calls them (see
 * domain.md). The school leader invites several perspectives (seed 000): the
 * board, the pupils, the staff — each with their own preparation.
 */
export const roleSchema = z.enum(roleList);
export const roles = roleSchema.options;
export { invitedRoles, type InvitedRole, type Role } from './role-list.js';
