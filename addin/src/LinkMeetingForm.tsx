import { useEffect, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError, type ApiClient } from '../../src/tab/api-client.js';
import type { Catalog } from '../../src/api/catalog.js';
import { conversationDetailsSchema, invitationSchema, meetingConversationSchema } from '../../src/api/conversation.js';
import { useI18n } from '../../src/tab/i18n.js';
import { ErrorMessage } from '../../src/tab/components/ErrorMessage.js';
import type { MeetingItemHost } from './office-host.js';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM },
  // A long template name must not widen the narrow pane: the select takes the pane's width and cuts the text.
  select: { minWidth: 0, maxWidth: '100%' },
});

interface Draft {
  schoolId: string;
  templateId: string;
  theme: string;
  topics: string;
}

type Step = 'form' | 'linking' | 'waiting' | 'inserting';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The municipal lead made a Teams meeting in Outlook by hand: here it becomes
 * a school development conversation. The meeting's own time is used; the
 * school, template and theme are chosen as on the plan page. The app then
 * writes the agenda into the meeting (before Teams' join block) and invites
 * the school leader; the pane puts the same into the open meeting form, so
 * the lead's next save keeps it. What is typed is kept until it is linked.
 */
export function LinkMeetingForm({
  host,
  api,
  catalog,
  eventId,
  onLinked,
}: {
  host: MeetingItemHost;
  api: ApiClient;
  catalog: Catalog;
  eventId: string;
  onLinked: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const storageKey = `udviklingssamtale.link.${eventId}`;
  const [draft, setDraft] = useState<Draft>(() => {
    const kept = localStorage.getItem(storageKey);
    return kept
      ? (JSON.parse(kept) as Draft)
      : { schoolId: catalog.schools[0]?.id ?? '', templateId: catalog.templates[0]?.id ?? '', theme: catalog.defaultTheme, topics: '' };
  });
  const [meetingMinutes, setMeetingMinutes] = useState<number | null>(null);
  const [step, setStep] = useState<Step>('form');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const read = () => void host.durationMinutes().then(setMeetingMinutes, () => setMeetingMinutes(null));
    read();
    host.onTimeChanged(read);
  }, [host]);

  const update = (change: Partial<Draft>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    localStorage.setItem(storageKey, JSON.stringify(next));
  };
  const template = catalog.templates.find((tpl) => tpl.id === draft.templateId);
  const difference = template && meetingMinutes !== null ? template.totalMinutes - meetingMinutes : 0;

  async function link() {
    setError(null);
    try {
      setStep('linking');
      const { id } = await api.send(
        'POST',
        '/addin/link',
        {
          eventId,
          schoolId: draft.schoolId,
          templateId: draft.templateId,
          theme: draft.theme,
          extraTopics: draft.topics
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        },
        meetingConversationSchema,
      );
      // The app updates the meeting in the background; the form gets the same agenda once Outlook has it.
      setStep('waiting');
      for (let tries = 0; ; tries++) {
        const conversation = await api.get(`/conversations/${id}`, conversationDetailsSchema);
        const invitation = conversation.sideEffects.find((s) => s.kind === 'invitation');
        if (invitation?.status === 'done') break;
        if (invitation?.status === 'failed' || tries > 60) throw new Error(t('addin.link.notYet'));
        await sleep(500);
      }
      setStep('inserting');
      await host.applyInvitation(await api.get(`/addin/conversations/${id}/invitation`, invitationSchema));
      localStorage.removeItem(storageKey);
      onLinked();
    } catch (e) {
      setError(e);
      setStep('form');
    }
  }

  const busy = step !== 'form';
  return (
    <section className={styles.form} aria-labelledby="link-title">
      <Text as="h1" id="link-title" size={500} weight="semibold" style={{ margin: 0 }}>
        {t('addin.link.title')}
      </Text>
      <Text>{t('addin.link.intro')}</Text>
      <Field label={t('plan.school')} required>
        <Select className={styles.select} value={draft.schoolId} onChange={(_e, data) => update({ schoolId: data.value })} disabled={busy}>
          {catalog.schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('plan.template')}
        required
        validationState={difference !== 0 ? 'warning' : 'none'}
        validationMessage={
          difference > 0
            ? t('addin.link.tooShort', { difference, agenda: template!.totalMinutes, meeting: meetingMinutes! })
            : difference < 0
              ? t('addin.link.tooLong', { difference: -difference, agenda: template!.totalMinutes, meeting: meetingMinutes! })
              : undefined
        }
      >
        <Select
          className={styles.select}
          value={draft.templateId}
          onChange={(_e, data) => update({ templateId: data.value })}
          disabled={busy}
        >
          {catalog.templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {t('addin.link.templateOption', { name: tpl.name, minutes: tpl.totalMinutes })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('plan.theme')} required>
        <Input value={draft.theme} maxLength={200} onChange={(_e, data) => update({ theme: data.value })} disabled={busy} />
      </Field>
      <Field label={t('addin.link.topics')} hint={t('addin.link.topicsHint')}>
        <Textarea value={draft.topics} resize="vertical" onChange={(_e, data) => update({ topics: data.value })} disabled={busy} />
      </Field>
      {error instanceof ApiError ? <ErrorMessage error={error} /> : null}
      {error && !(error instanceof ApiError) ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{error instanceof Error ? error.message : t('errors.unknown')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {busy ? (
        <Spinner size="small" label={t(`addin.link.step.${step}`)} />
      ) : (
        <Button appearance="primary" onClick={() => void link()} disabled={!draft.schoolId || !draft.templateId || !draft.theme.trim()}>
          {t('addin.link.submit')}
        </Button>
      )}
    </section>
  );
}
