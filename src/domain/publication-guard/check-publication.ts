// No zod here: the tab runs this as the person types.
import { checkPublicNote, type GuardContext, type GuardFinding } from './publication-guard.js';

/** Where a finding stands on the public page: the note, or an agreement's "what" or owner. */
export type PublicField = 'note' | `agreement:${string}:what` | `agreement:${string}:owner`;
export interface PublicFinding extends GuardFinding {
  field: PublicField;
}

/**
 * Everything the public page shows goes through the guard: the note, and each
 * agreement's text and owner (a pupil's or parent's name typed as the owner
 * would otherwise be published unchecked). Offsets are within each field.
 */
export function checkPublication(
  minutes: { publicNote: string; agreements: readonly { id: string; what: string; owner: string }[] },
  context: GuardContext,
): PublicFinding[] {
  const inField = (field: PublicField, text: string) => checkPublicNote(text, context).findings.map((f) => ({ ...f, field }));
  return [
    ...inField('note', minutes.publicNote),
    ...minutes.agreements.flatMap((a) => [...inField(`agreement:${a.id}:what`, a.what), ...inField(`agreement:${a.id}:owner`, a.owner)]),
  ];
}
