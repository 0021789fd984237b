import { z } from 'zod';

/**
 * The § 40 a requirements an agenda item can cover. The checklist (issue 4)
 * reads these tags; the template author sets them.
 */
export const requirementTagSchema = z.enum(['testResults', 'followUp', 'actionPlanStatus', 'schoolTopics', 'municipalityTopics']);
export type RequirementTag = z.infer<typeof requirementTagSchema>;
