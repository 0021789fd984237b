import { useEffect, useMemo, useState, type FormEvent } from 'react';
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
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import type { Catalog } from '../../api/catalog.js';
import type { ConversationDetails } from '../../api/conversation.js';
import type { TemplateItem } from '../../domain/template.js';
import { useI18n } from '../i18n.js';
import { fromCopenhagenWallClock, toCopenhagenWallClock } from '../../domain/copenhagen-time.js';
import { totalMinutes } from '../../domain/agenda-timing.js';
import { AgendaItemsEditor, itemProblems } from '../agenda/AgendaItemsEditor.js';
import { ErrorMessage } from './ErrorMessage.js';
import { catalogSchema } from '../../api/catalog.js';
import { conversationDetailsSchema } from '../../api/conversation.js';
import { formatShortDate } from '../format.js';
import { useUnsavedChanges } from '../unsaved.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end', flexWrap: 'wrap' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: tokens.spacingHorizontalM },
});

const agendaLeadMs = 7 * 24 * 60 * 60_000;

/**
 * "Plan samtale": school, template, time, theme and the municipality's topics,
 * with the agenda's items editable and timed before confirming. A page rather
 * than a dialog: the form is long and the agenda needs the width. The
 * idempotency key is made once per visit, so a double click or a retried
 * request plans one conversation.
 */
export function PlanPage({
  api,
  navigate,
  schoolId = null,
}: {
  api: ApiClient;
  navigate: (path: string) => void;
  /** Preselected school ("Planlæg ny samtale" on a cancelled conversation). */
  schoolId?: string | null;
}) {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    api.get('/catalog', catalogSchema).then(setCatalog, setLoadError);
  }, [api]);
  const { t } = useI18n();
  if (!catalog) return <main>{loadError ? <ErrorMessage error={loadError} /> : <Spinner label={t('loading')} />}</main>;
  return (
    <PlanForm
      api={api}
      catalog={catalog}
      initialSchoolId={schoolId && catalog.schools.some((s) => s.id === schoolId) ? schoolId : ''}
      onCancel={() => navigate('/')}
      onDone={(c) => navigate(`/conversations/${c.id}`)}
    />
  );
}

/** "Flyt eller ret samtalen": the same form on a planned conversation, saving its new plan. */
export function EditPlanPage({ api, id, navigate }: { api: ApiClient; id: string; navigate: (path: string) => void }) {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [conversation, setConversation] = useState<ConversationDetails | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    Promise.all([api.get('/catalog', catalogSchema), api.get(`/conversations/${id}`, conversationDetailsSchema)]).then(([c, conv]) => {
      setCatalog(c);
      setConversation(conv);
    }, setLoadError);
  }, [api, id]);
  const { t } = useI18n();
  if (!catalog || !conversation) return <main>{loadError ? <ErrorMessage error={loadError} /> : <Spinner label={t('loading')} />}</main>;
  return (
    <PlanForm
      api={api}
      catalog={catalog}
      editing={conversation}
      onCancel={() => navigate(`/conversations/${id}`)}
      onDone={(c) => navigate(`/conversations/${c.id}`)}
    />
  );
}

function PlanForm({
  api,
  catalog,
  editing,
  initialSchoolId = '',
  onCancel,
  onDone,
}: {
  api: ApiClient;
  catalog: Catalog;
  initialSchoolId?: string;
  /** Set when moving or editing a planned conversation. */
  editing?: ConversationDetails;
  onCancel: () => void;
  onDone: (conversation: ConversationDetails) => void;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const startWall = editing ? toCopenhagenWallClock(new Date(editing.startsAt)) : null;
  const [schoolId, setSchoolId] = useState(editing?.schoolId ?? initialSchoolId);
  const [templateId, setTemplateId] = useState(catalog.templates[0]?.id ?? '');
  const [date, setDate] = useState(startWall?.slice(0, 10) ?? '');
  const [time, setTime] = useState(startWall?.slice(11, 16) ?? '09:00');
  const template = catalog.templates.find((tpl) => tpl.id === templateId);
  const initialItems = (editing?.items ?? template?.items ?? []) as TemplateItem[];
  const [items, setItems] = useState<TemplateItem[]>(initialItems);
  const [duration, setDuration] = useState(
    editing ? Math.round((Date.parse(editing.endsAt) - Date.parse(editing.startsAt)) / 60_000) : (template?.totalMinutes ?? 120),
  );
  const [theme, setTheme] = useState(editing?.theme ?? catalog.defaultTheme);
  const [extraTopics, setExtraTopics] = useState(editing?.extraTopics.join('\n') ?? '');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [touched, setTouched] = useState(false);
  useUnsavedChanges(touched && !busy);
  const planOnlyItems = editing !== undefined && !editing.permissions.changePlan;

  const agendaMinutes = useMemo(() => totalMinutes(items), [items]);
  const start = date && time ? fromCopenhagenWallClock(`${date}T${time}`) : null;
  const school = catalog.schools.find((s) => s.id === schoolId);
  const inPast = start !== null && start.getTime() <= Date.now();
  const deadlinePassed = start !== null && !inPast && start.getTime() - agendaLeadMs < Date.now() && !editing?.deadline.sentAt;
  const problems = itemProblems(items);
  const fits = agendaMinutes === duration;
  const change =
    <T,>(set: (v: T) => void) =>
    (value: T) => {
      set(value);
      setTouched(true);
    };

  const chooseTemplate = (id: string) => {
    setTemplateId(id);
    const chosen = catalog.templates.find((tpl) => tpl.id === id);
    setItems((chosen?.items ?? []) as TemplateItem[]);
    setDuration(chosen?.totalMinutes ?? duration);
    setTouched(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!schoolId || !start || inPast || !fits || problems.size > 0) return;
    setBusy(true);
    setError(null);
    const endsAt = new Date(start.getTime() + duration * 60_000).toISOString();
    const topics = extraTopics
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      const conversation = editing
        ? await api.send(
            'PUT',
            `/conversations/${editing.id}/plan`,
            { version: editing.version, startsAt: start.toISOString(), endsAt, theme, extraTopics: topics, items },
            conversationDetailsSchema,
          )
        : await api.send(
            'POST',
            '/conversations',
            { schoolId, templateId, startsAt: start.toISOString(), endsAt, theme, extraTopics: topics, items },
            conversationDetailsSchema,
            { 'Idempotency-Key': idempotencyKey },
          );
      setTouched(false);
      onDone(conversation);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <Title2 as="h1" tabIndex={-1} id="page-title">
        {editing ? t('plan.editTitle', { school: editing.schoolName }) : t('plan.title')}
      </Title2>
      {editing?.deadline.sentAt ? (
        <Text as="p" block>
          {t('plan.editAfterSending')}
        </Text>
      ) : null}
      <form onSubmit={submit} noValidate className={styles.form}>
        <ErrorMessage error={error} />
        {editing ? null : (
          <div className={styles.row}>
            <Field
              label={t('plan.school')}
              required
              validationMessage={submitted && !schoolId ? t('plan.required') : undefined}
              hint={school ? t('plan.leader', { name: school.leaderName }) : undefined}
            >
              <Select value={schoolId} onChange={(_, d) => change(setSchoolId)(d.value)}>
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
        )}
        <div className={styles.row}>
          <Field
            label={t('plan.date')}
            required
            validationMessage={submitted && !date ? t('plan.required') : submitted && inPast ? t('plan.past') : undefined}
          >
            <Input type="date" value={date} disabled={planOnlyItems} onChange={(_, d) => change(setDate)(d.value)} />
          </Field>
          <Field label={t('plan.startTime')} required>
            <Input type="time" value={time} disabled={planOnlyItems} onChange={(_, d) => change(setTime)(d.value)} />
          </Field>
          <Field
            label={t('plan.duration')}
            required
            validationState={fits ? 'none' : 'error'}
            validationMessage={fits ? undefined : t('plan.durationMismatch')}
          >
            <Input
              type="number"
              min={15}
              max={480}
              value={String(duration)}
              disabled={planOnlyItems}
              onChange={(_, d) => change(setDuration)(Math.min(480, Math.max(0, Math.round(Number(d.value) || 0))))}
            />
          </Field>
        </div>
        {deadlinePassed && start ? (
          <MessageBar intent="warning" role="status">
            <MessageBarBody>
              {t('plan.deadlinePassed', { date: formatShortDate(new Date(start.getTime() - agendaLeadMs).toISOString(), locale) })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <Field label={t('plan.theme')} hint={t('plan.themeHint')}>
          <Input value={theme} maxLength={200} disabled={planOnlyItems} onChange={(_, d) => change(setTheme)(d.value)} />
        </Field>
        <Field label={t('plan.extraTopics')} hint={t('plan.extraTopicsHint')}>
          <Textarea value={extraTopics} disabled={planOnlyItems} onChange={(_, d) => change(setExtraTopics)(d.value)} resize="vertical" />
        </Field>
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <legend>
            <Text weight="semibold">{t('plan.preview')}</Text>
          </legend>
          <Text as="p" block size={200}>
            {t('plan.previewHint')}
          </Text>
          <AgendaItemsEditor items={items} onChange={change(setItems)} start={start} meetingMinutes={duration} showProblems={submitted} />
        </fieldset>
        {busy ? (
          <MessageBar intent="info">
            <MessageBarBody>
              <Spinner size="tiny" label={editing ? t('saving') : t('plan.planning')} />
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={styles.actions}>
          <Button appearance="secondary" onClick={onCancel} disabled={busy}>
            {t('cancel')}
          </Button>
          <Button appearance="primary" type="submit" disabled={busy}>
            {editing ? t('plan.saveChanges') : busy ? t('plan.planning') : t('plan.confirm')}
          </Button>
        </div>
      </form>
    </main>
  );
}
