import { useEffect, useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import { useI18n } from '../i18n.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { reflectionRoundsSchema, type ReflectionRoundView } from '../../api/chat-results.js';
import type { LiveAgenda } from '../../api/meeting.js';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalS },
  stageQuestion: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  stageAnswer: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  list: { margin: 0, paddingInlineStart: '1.5em', display: 'grid', gap: tokens.spacingVerticalS },
});

/**
 * The reflection round of the item on now, started from the item itself: its
 * questions; for the facilitator, start and "Vis svar"; once revealed, the
 * answers in speaking order (names in the side panel, words on the stage).
 * Read again whenever the meeting's stream says something changed.
 */
export function ItemRound({
  api,
  conversationId,
  item,
  canFacilitate,
  changes,
  view,
}: {
  api: ApiClient;
  conversationId: string;
  item: LiveAgenda['items'][number];
  canFacilitate: boolean;
  changes: number;
  view: 'panel' | 'stage';
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const base = `/conversations/${conversationId}/reflection-rounds`;
  const [round, setRound] = useState<ReflectionRoundView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (item.reflectionQuestions.length === 0) return setRound(null);
    let current = true;
    api.get(base, reflectionRoundsSchema).then(
      ({ rounds }) => current && setRound(rounds.filter((r) => r.round.itemKey === item.key).at(-1) ?? null),
      (e) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [api, base, item.key, item.reflectionQuestions.length, changes]);

  if (item.reflectionQuestions.length === 0) return null;
  const act = async (path: string, body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      const { rounds } = await api.send('POST', path, body, reflectionRoundsSchema);
      setRound(rounds.filter((r) => r.round.itemKey === item.key).at(-1) ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const revealed = round && round.round.status !== 'open';
  const byUpn = new Map(round?.answers.map((a) => [a.upn.toLowerCase(), a]) ?? []);

  return (
    <section className={styles.box} aria-label={t('meeting.reflection')} data-testid={`round-${view}`}>
      <Text as="h2" weight="semibold" size={view === 'stage' ? 600 : 400} style={{ margin: 0 }}>
        {t('meeting.reflection')}
      </Text>
      {item.reflectionQuestions.map((q) => (
        <Text key={q} block className={view === 'stage' ? styles.stageQuestion : undefined}>
          {q}
        </Text>
      ))}
      {round && round.round.status === 'open' ? (
        <Text>{t('reflection.answered', { count: round.answeredCount, total: round.round.invitedUpns.length })}</Text>
      ) : null}
      {revealed ? (
        <>
          <Text weight="semibold">{t('reflection.order')}</Text>
          <ol className={styles.list} data-testid="speaking-order">
            {round.round.speakingOrder.map((upn) => {
              const answer = byUpn.get(upn.toLowerCase());
              const name = answer?.displayName ?? round.notAnswered.find((n) => n.upn === upn)?.displayName ?? upn;
              return (
                <li key={upn} className={view === 'stage' ? styles.stageAnswer : undefined}>
                  <strong>{name}</strong>
                  {view === 'stage' ? `: ${answer?.text ?? t('reflection.noAnswer')}` : null}
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
      {canFacilitate && view === 'panel' ? (
        !round || round.round.status === 'closed' ? (
          <Button disabled={busy} onClick={() => void act(base, { itemKey: item.key })}>
            {t('meeting.startRound')}
          </Button>
        ) : round.round.status === 'open' ? (
          <Button disabled={busy} onClick={() => void act(`${base}/${round.round.id}/reveal`, { version: round.version })}>
            {t('reflection.reveal')}
          </Button>
        ) : null
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
