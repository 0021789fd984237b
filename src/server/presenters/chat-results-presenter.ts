import type { RoundView } from '../../app/reflection/view-reflection-rounds.js';
import type { viewPreparation } from '../../app/preparation/view-preparation.js';
import type { PreparationAnswers, ReflectionRoundView } from '../../api/chat-results.js';

/** A reflection round as the viewer may see it (the use case already hid others' answers before the reveal). */
export const presentRound = (view: RoundView): ReflectionRoundView => ({
  round: {
    id: view.round.id,
    itemKey: view.round.itemKey,
    status: view.round.status,
    minutes: view.round.minutes,
    invitedUpns: view.round.invitedUpns,
    speakingOrder: view.round.speakingOrder,
  },
  version: view.version,
  itemTitle: view.itemTitle,
  questions: view.questions,
  answers: view.answers.map((a) => ({ ...a, updatedAt: a.updatedAt.toISOString() })),
  answeredCount: view.answeredCount,
  notAnswered: view.notAnswered,
  delivery: view.delivery,
});

export const presentPreparation = (rows: Awaited<ReturnType<typeof viewPreparation>>): PreparationAnswers[] =>
  rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
