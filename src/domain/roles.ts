import { z } from 'zod';

/** The people at a development conversation, named as code calls them (see domain.md). */
export const roleSchema = z.enum(['municipalLead', 'schoolLeader', 'facilitator', 'minuteTaker', 'participant']);
export type Role = z.infer<typeof roleSchema>;
export const roles = roleSchema.options;
