import { z } from 'zod';

/** Where an agreement from an earlier conversation stands; the school leader says so at the next one. */
export const agreementStatusSchema = z.enum(['open', 'inProgress', 'done', 'dropped']);
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;

export interface FollowUpAgreement {
  id: string;
  what: string;
  owner: string;
  dueDate: string | null;
  status: AgreementStatus;
  /** When the conversation that made it was held. */
  madeAt: Date;
}

/** Done and dropped agreements are settled; the others go on to the next conversation. */
export const isSettled = (status: AgreementStatus): boolean => status === 'done' || status === 'dropped';
