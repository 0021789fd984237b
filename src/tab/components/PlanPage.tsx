import { useMemo, useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import type { ApiClient } from '../api-client.js';
import type { Catalog } from '../../api/catalog.js';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';
import { fromCopenhagenWallClock } from '../../domain/copenhagen-time.js';
import { adjustItemMinutes, totalMinutes } from '../../domain/agenda-timing.js';
import { AgendaPreview } from './AgendaPreview.js';
import { ErrorMessage } from './ErrorMessage.js';
import { catalogSchema } from '../../api/catalog.js';
import { conversationDetailsSchema } from '../../api/conversation.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: tokens.spacingHorizontalM },
});

/**
 * "Plan samtale": school, template, time, theme and the municipality's topics,
 * with the timed agenda shown before confirming. A page rather than a dialog:
 * the form is long and the agenda table needs the width. The idempotency key is
 * made once per visit, so a double click or a retried request plans one conversation.
 */
export function PlanPage({ api, navigate }: { api: ApiClient; navigate: (path: string) => void }) {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    api.get('/catalog', catalogSchema).then(setCatalog, setLoadError);
  }, [api]);
  const { t } = useI18n();
  if (!catalog) return <main>{loadError ? <ErrorMessage error={loadError} /> : <Spinner label={t('loading')} />}</main>;
  return <PlanForm api={api} catalog={catalog} onCancel={() => navigate('/')} onPlanned={(c) => navigate(`/conversations/${c.id}`)} />;
}

function PlanForm({
  api,
  catalog,
  onCancel,
  onPlanned,
}: {
  api: ApiClient;
  catalog: Catalog;
  onCancel: () => void;
  onPlanned: (conversation: ConversationDetails) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [schoolId, setSchoolId] = useState('');
  const [templateId, setTemplateId] = useState(catalog.templates[0]?.id ?? '');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const template = catalog.templates.find((tpl) => tpl.id === templateId);
  const [duration, setDuration] = useState(template?.totalMinutes ?? 120);
  const [theme, setTheme] = useState(catalog.defaultTheme);
  const [extraTopics, setExtraTopics] = useState('');
  const [itemMinutes, setItemMinutes] = useState<Record<string, number>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const items = useMemo(() => adjustItemMinutes(template?.items ?? [], itemMinutes), [template, itemMinutes]);
  const agendaMinutes = totalMinutes(items);
  const start = date && time ? fromCopenhagenWallClock(`${date}T${time}`) : null;
  const school = catalog.schools.find((s) => s.id === schoolId);
  const inPast = start !== null && start.getTime() <= Date.now();

  const chooseTemplate = (id: string) => {
    setTemplateId(id);
    setItemMinutes({});
    setDuration(catalog.templates.find((tpl) => tpl.id === id)?.totalMinutes ?? duration);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!schoolId || !start || inPast || agendaMinutes !== duration) return;
    setBusy(true);
    setError(null);
    try {
      const conversation = await api.send(
        'POST',
        '/conversations',
        {
          schoolId,
          templateId,
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + duration * 60_000).toISOString(),
          theme,
          extraTopics: extraTopics
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
          itemMinutes,
        },
        conversationDetailsSchema,
        { 'Idempotency-Key': idempotencyKey },
      );
      onPlanned(conversation);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <Title2 as="h1" tabIndex={-1} id="page-title">
        {t('plan.title')}
      </Title2>
      <form onSubmit={submit} noValidate className={styles.form}>
        <ErrorMessage error={error} />
        <div className={styles.row}>
          <Field
            label={t('plan.school')}
            required
            validationMessage={submitted && !schoolId ? t('plan.required') : undefined}
            hint={school ? t('plan.leader', { upn: school.leaderUpn }) : undefined}
          >
            <Select value={schoolId} onChange={(_, d) => setSchoolId(d.value)}>
              <option value="">{t('plan.schoolPlaceholder')}</option>
              {catalog.schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('plan.template')} required>
            <Select value={templateId} onChange={(_, d) => chooseTemplate(d.value)}>
              {catalog.templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.row}>
          <Field
            label={t('plan.date')}
            required
            validationMessage={submitted && !date ? t('plan.required') : submitted && inPast ? t('plan.past') : undefined}
          >
            <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
          </Field>
          <Field label={t('plan.startTime')} required>
            <Input type="time" value={time} onChange={(_, d) => setTime(d.value)} />
          </Field>
          <Field label={t('plan.duration')} required>
            <Input
              type="number"
              min={15}
              max={480}
              value={String(duration)}
              onChange={(_, d) => setDuration(Math.round(Number(d.value) || 0))}
            />
          </Field>
        </div>
        <Field label={t('plan.theme')} hint={t('plan.themeHint')}>
          <Input value={theme} maxLength={200} onChange={(_, d) => setTheme(d.value)} />
        </Field>
        <Field label={t('plan.extraTopics')} hint={t('plan.extraTopicsHint')}>
          <Textarea value={extraTopics} onChange={(_, d) => setExtraTopics(d.value)} resize="vertical" />
        </Field>
        <Field
          label={t('plan.preview')}
          hint={t('plan.previewHint')}
          validationState={agendaMinutes === duration ? 'success' : 'error'}
          validationMessage={
            agendaMinutes === duration
              ? t('plan.total', { agenda: agendaMinutes, meeting: duration })
              : t('plan.mismatch', { agenda: agendaMinutes, meeting: duration, difference: duration - agendaMinutes })
          }
        >
          <AgendaPreview items={items} start={start} onMinutes={(key, minutes) => setItemMinutes((m) => ({ ...m, [key]: minutes }))} />
        </Field>
        {busy ? (
          <MessageBar intent="info">
            <MessageBarBody>
              <Spinner size="tiny" label={t('plan.planning')} />
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={styles.actions}>
          <Button appearance="secondary" onClick={onCancel} disabled={busy}>
            {t('cancel')}
          </Button>
          <Button appearance="primary" type="submit" disabled={busy}>
            {busy ? t('plan.planning') : t('plan.confirm')}
          </Button>
        </div>
      </form>
    </main>
  );
}
