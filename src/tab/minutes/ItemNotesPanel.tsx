import { Field, Text, Textarea } from '@fluentui/react-components';
import type { MinutesContent, MinutesDetails } from '../../api/minutes.js';
import { useI18n } from '../i18n.js';
import { Panel } from '../components/Panel.js';
import { DraftSuggestion } from './DraftSuggestion.js';

/** Notes per agenda item, with the drafts the app has for an item (evaluation answers, revealed reflections). */
export function ItemNotesPanel({
  minutes,
  content,
  editable,
  onChange,
}: {
  minutes: MinutesDetails;
  content: MinutesContent;
  editable: boolean;
  onChange: (itemNotes: MinutesContent['itemNotes']) => void;
}) {
  const { t } = useI18n();
  const append = (key: string, text: string) =>
    onChange({ ...content.itemNotes, [key]: [content.itemNotes[key]?.trim(), text].filter(Boolean).join('\n\n') });
  return (
    <Panel title={t('minutes.items')}>
      {minutes.agenda.map((item, index) => (
        <div key={item.key} data-item={item.key}>
          <Field label={`${index + 1}. ${item.title}`} hint={item.minutesPrompt || undefined}>
            <Textarea
              value={content.itemNotes[item.key] ?? ''}
              readOnly={!editable}
              resize="vertical"
              onChange={(_, d) => onChange({ ...content.itemNotes, [item.key]: d.value })}
            />
          </Field>
          {(() => {
            const used = minutes.timeUse.find((u) => u.key === item.key);
            return used?.actualMinutes !== null && used ? (
              <Text size={200} block data-testid="time-use">
                {t('minutes.timeUse', { actual: used.actualMinutes, planned: used.plannedMinutes })}
              </Text>
            ) : null;
          })()}
          {/* Drafts are offers to the writer; a reader or locked minutes need only the notes. */}
          {(editable ? minutes.reflectionDrafts : [])
            .filter((d) => d.itemKey === item.key)
            .map((draft, n) => (
              <DraftSuggestion
                key={n}
                testId="reflection-draft"
                title={t('minutes.reflectionDraft')}
                text={draft.text}
                useLabel={t('minutes.useReflectionDraft')}
                onUse={editable ? () => append(item.key, draft.text) : null}
              />
            ))}
          {editable && item.key === 'evaluation' && minutes.evaluationDraft ? (
            <DraftSuggestion
              testId="evaluation-draft"
              title={t('minutes.evaluationDraft')}
              text={minutes.evaluationDraft}
              useLabel={t('minutes.useEvaluationDraft')}
              onUse={editable ? () => append(item.key, minutes.evaluationDraft!) : null}
            />
          ) : null}
        </div>
      ))}
    </Panel>
  );
}
