import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import { useI18n } from '../i18n.js';
import { formatDate, formatShortDate } from '../format.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Panel } from '../components/Panel.js';
import {
  briefingSavedSchema,
  briefingSchema,
  remindedSchema,
  yearSchema,
  type BriefingOverview,
  type YearOverview,
} from '../../api/year.js';
import { BarChartView } from './BarChartView.js';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalL },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  phases: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, listStyle: 'none', margin: 0, padding: 0 },
  phase: { padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}` },
  current: { border: `2px solid ${tokens.colorBrandStroke1}` },
  scroll: { overflowX: 'auto' },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL },
  reason: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

/** Words, not symbols: a screen reader says "Ja" and "Nej"; "–" where it is not due yet. */
const useYes = () => {
  const { t } = useI18n();
  return (value: boolean | null | undefined) => (value ? t('year.yes') : value === false ? t('year.no') : '–');
};

/**
 * The municipality's year: the annual cycle's phases, each school's state
 * with what is overdue (a reminder to the school leader one click away, a
 * reason where a school has no conversation), the year in charts, and the
 * briefing for the political committee.
 */
export function YearPage({ api, navigate }: { api: ApiClient; navigate: (path: string) => void }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const yes = useYes();
  const [year, setYear] = useState<YearOverview | null>(null);
  const [briefing, setBriefing] = useState<BriefingOverview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      const found = await api.get('/year', yearSchema);
      setYear(found);
      setBriefing(await api.get(`/year/briefing?schoolYear=${encodeURIComponent(found.schoolYear)}`, briefingSchema));
    } catch (e) {
      setError(e);
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!year) return error ? <ErrorMessage error={error} /> : <Spinner label={t('loading')} />;
  const remind = async (schoolId: string, schoolName: string) => {
    setError(null);
    try {
      const { sent } = await api.send('POST', `/year/schools/${schoolId}/remind`, undefined, remindedSchema);
      setNotice(t(sent ? 'year.reminded' : 'year.remindedToday', { school: schoolName }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <main className={styles.root}>
      <div className={styles.head}>
        <Title2 as="h1" id="page-title" tabIndex={-1}>
          {t('year.title', { year: year.schoolYear })}
        </Title2>
        <Button appearance="primary" onClick={() => navigate('/season')}>
          {t('year.planSeason')}
        </Button>
      </div>
      <ol className={styles.phases} aria-label={t('year.phases')}>
        {year.phases.map((p) => (
          <li
            key={p.key}
            className={p.state === 'current' ? `${styles.phase} ${styles.current}` : styles.phase}
            aria-current={p.state === 'current' ? 'step' : undefined}
          >
            <Text weight="semibold" block>
              {t(`year.phase.${p.key}`)}
            </Text>
            <Text size={200}>
              {formatShortDate(`${p.from}T12:00:00Z`, locale)}–{formatShortDate(`${p.to}T12:00:00Z`, locale)} ·{' '}
              {t(`year.phaseState.${p.state}`)}
            </Text>
          </li>
        ))}
      </ol>
      {notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ErrorMessage error={error} />

      <Panel title={t('year.schools')}>
        <div className={styles.scroll}>
          <Table aria-label={t('year.schools')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('list.school')}</TableHeaderCell>
                <TableHeaderCell>{t('year.col.planned')}</TableHeaderCell>
                <TableHeaderCell>{t('year.col.agenda')}</TableHeaderCell>
                <TableHeaderCell>{t('year.col.held')}</TableHeaderCell>
                <TableHeaderCell>{t('year.col.minutes')}</TableHeaderCell>
                <TableHeaderCell>{t('year.col.note')}</TableHeaderCell>
                <TableHeaderCell>{t('year.col.requirements')}</TableHeaderCell>
                <TableHeaderCell>{t('year.col.evaluation')}</TableHeaderCell>
                <TableHeaderCell>{t('year.col.overdue')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {year.schools.map((s) => {
                const c = s.conversation;
                const held = c && ['held', 'minutesDrafted', 'minutesApproved', 'published'].includes(c.status);
                // Held, minutes and note are not due before the meeting: "–", not "Nej".
                const past = c && c.status !== 'cancelled' && Date.parse(c.startsAt) < Date.now();
                return (
                  <TableRow key={s.schoolId} data-school={s.schoolId}>
                    <TableCell>{c ? <Link href={`#/conversations/${c.id}`}>{s.schoolName}</Link> : s.schoolName}</TableCell>
                    <TableCell>
                      {c ? (c.status === 'cancelled' ? t('status.cancelled') : formatDate(c.startsAt, locale)) : t('year.none')}
                    </TableCell>
                    <TableCell aria-label={t('year.col.agenda')}>{yes(s.agendaSentInTime)}</TableCell>
                    <TableCell>{yes(past ? Boolean(held) : null)}</TableCell>
                    <TableCell>{yes(past ? s.minutesApproved : null)}</TableCell>
                    <TableCell>{past ? `${yes(s.notePublished)} ${s.websiteLinked ? t('year.linked') : ''}` : '–'}</TableCell>
                    <TableCell>{c ? `${s.requirementsMet}/7` : '–'}</TableCell>
                    <TableCell>{c ? s.evaluationResponses : '–'}</TableCell>
                    <TableCell>
                      {s.overdue.length === 0 ? (
                        <Text>{t('year.nothingOverdue')}</Text>
                      ) : (
                        <>
                          {s.overdue.map((o) => (
                            <Badge key={o.kind} appearance="tint" color="danger" style={{ marginInlineEnd: 4 }}>
                              {t(`year.overdue.${o.kind}`, { due: formatShortDate(o.dueAt, locale) })}
                            </Badge>
                          ))}
                          {s.overdue.some((o) => o.kind !== 'noConversation') ? (
                            <Button size="small" onClick={() => void remind(s.schoolId, s.schoolName)}>
                              {t('year.remind')}
                            </Button>
                          ) : null}
                        </>
                      )}
                      {!c || c.status === 'cancelled' ? (
                        <ReasonField
                          api={api}
                          schoolYear={year.schoolYear}
                          schoolId={s.schoolId}
                          reason={s.reason}
                          onSaved={setYear}
                          onError={setError}
                        />
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      </Panel>

      {briefing ? (
        <>
          <Panel title={t('year.charts')}>
            <div className={styles.charts}>
              {briefing.charts.map((chart) => (
                <BarChartView key={chart.title} chart={chart} />
              ))}
            </div>
            {briefing.evaluation === null ? <Text>{t('year.tooFew', { responses: briefing.evaluationResponses })}</Text> : null}
          </Panel>
          <BriefingPanel api={api} briefing={briefing} onChanged={load} />
        </>
      ) : null}
    </main>
  );
}

function ReasonField(props: {
  api: ApiClient;
  schoolYear: string;
  schoolId: string;
  reason: string | null;
  onSaved: (year: YearOverview) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [text, setText] = useState(props.reason ?? '');
  return (
    <div className={styles.reason}>
      <Field label={t('year.reason')}>
        <Input value={text} maxLength={1000} onChange={(_e, d) => setText(d.value)} />
      </Field>
      <Button
        size="small"
        onClick={() =>
          void props.api
            .send('PUT', `/year/schools/${props.schoolId}/reason`, { schoolYear: props.schoolYear, reason: text }, yearSchema)
            .then(props.onSaved, props.onError)
        }
      >
        {t('save')}
      </Button>
    </div>
  );
}

/** The committee's briefing: what it says, what the guard found (confirm or correct), and the versions saved. */
function BriefingPanel({ api, briefing, onChanged }: { api: ApiClient; briefing: BriefingOverview; onChanged: () => Promise<void> }) {
  const { t, locale } = useI18n();
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const blocking = briefing.findings.filter((f) => f.severity === 'blocking');
  const warnings = briefing.findings.filter((f) => f.severity === 'warning');
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.send('POST', '/year/briefing', { schoolYear: briefing.schoolYear, confirmed: [...confirmed] }, briefingSavedSchema);
      await onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const c = briefing.counts;
  return (
    <Panel title={t('year.briefing')}>
      <Text>{t('year.briefingIntro')}</Text>
      <Text data-testid="briefing-summary">{t('year.briefingSummary', { ...c })}</Text>
      {briefing.themes.length ? <Text>{t('year.briefingThemes', { themes: briefing.themes.map((x) => x.text).join(', ') })}</Text> : null}
      {blocking.length ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('year.briefingBlocked')}
            <ul>
              {blocking.map((f) => (
                <li
                  key={f.fingerprint + f.label}
                >{`${t(`year.section.${f.section}` as never)}${f.label ? ` (${f.label})` : ''}: „${f.sentence}“`}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {warnings.length ? (
        <fieldset>
          <legend>{t('year.briefingWarnings')}</legend>
          {warnings.map((f) => (
            <Checkbox
              key={f.fingerprint + f.label}
              checked={confirmed.has(f.fingerprint)}
              onChange={(_e, d) =>
                setConfirmed((all) => {
                  const next = new Set(all);
                  if (d.checked) next.add(f.fingerprint);
                  else next.delete(f.fingerprint);
                  return next;
                })
              }
              label={`${t(`year.section.${f.section}` as never)}${f.label ? ` (${f.label})` : ''}: „${f.found}“ – ${f.sentence}`}
            />
          ))}
        </fieldset>
      ) : null}
      <div>
        <Button appearance="primary" disabled={busy || blocking.length > 0} onClick={() => void save()}>
          {t('year.saveBriefing')}
        </Button>
      </div>
      <ErrorMessage error={error} />
      {briefing.versions.length ? (
        <ul aria-label={t('year.versions')} data-testid="briefing-versions">
          {briefing.versions.map((v) => (
            <li key={v.version}>
              {t('year.version', { version: v.version, date: formatDate(v.createdAt, locale) })}:{' '}
              {v.status === 'saved' && v.webUrl ? (
                <Link href={v.webUrl} target="_blank">
                  {t('year.openBriefing')}
                </Link>
              ) : (
                t(`year.versionStatus.${v.status}`)
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
