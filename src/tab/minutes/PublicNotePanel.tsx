import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import type { MinutesContent } from '../../api/minutes.js';
import type { PublicFinding } from '../../domain/publication-guard/check-publication.js';
import { useI18n } from '../i18n.js';
import { Panel } from '../components/Panel.js';
import { GuardFindings, NotePreview } from '../components/GuardFindings.js';
import { shortSummary } from './minutes-form.js';

/** The note for the school's website, checked as the person types, with a short first draft on request. */
export function PublicNotePanel({
  content,
  findings,
  editable,
  lexiconReady,
  onChange,
}: {
  content: MinutesContent;
  findings: PublicFinding[];
  editable: boolean;
  lexiconReady: boolean;
  onChange: (change: Partial<MinutesContent>) => void;
}) {
  const { t } = useI18n();
  const summary = shortSummary(content, { decisions: t('minutes.summary.decisions'), agreements: t('minutes.summary.agreements') });
  return (
    <Panel title={t('minutes.publicNote')}>
      <Field label={t('minutes.publicNote')} hint={t('minutes.publicNoteHint')}>
        <Textarea
          value={content.publicNote}
          readOnly={!editable}
          rows={8}
          resize="vertical"
          onChange={(_, d) => onChange({ publicNote: d.value })}
        />
      </Field>
      {editable ? (
        <div>
          <Button
            disabled={!summary}
            onClick={() => onChange({ publicNote: [content.publicNote.trim(), summary].filter(Boolean).join('\n\n') })}
          >
            {t('minutes.prefill')}
          </Button>
          <Text as="p" block size={200}>
            {summary ? t('minutes.prefillHint') : t('minutes.prefillEmpty')}
          </Text>
        </div>
      ) : null}
      <Text as="h3" weight="semibold">
        {t('minutes.findings')}
      </Text>
      {!lexiconReady ? <Text size={200}>{t('minutes.checkingNames')}</Text> : null}
      {content.publicNote ? <NotePreview text={content.publicNote} findings={findings.filter((f) => f.field === 'note')} /> : null}
      <GuardFindings
        findings={findings}
        agreementIds={content.agreements.map((a) => a.id)}
        confirmed={content.confirmedWarnings}
        editable={editable}
        onConfirm={(fingerprint, value) =>
          onChange({
            confirmedWarnings: value
              ? [...content.confirmedWarnings, fingerprint]
              : content.confirmedWarnings.filter((f) => f !== fingerprint),
          })
        }
      />
    </Panel>
  );
}
