import * as z from 'zod/mini';

/** A person's unsaved text for one form; `content` has the form's own shape. */
export const draftSchema = z.object({
  draft: z.nullable(z.object({ content: z.unknown(), basedOnVersion: z.number(), updatedAt: z.string() })),
});
export type DraftResponse = z.infer<typeof draftSchema>;
