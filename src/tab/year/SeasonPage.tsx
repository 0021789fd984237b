import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import { useI18n } from '../i18n.js';
import { formatDate, formatTime } from '../format.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Panel } from '../components/Panel.js';
import { catalogSchema, type Catalog } from '../../api/catalog.js';
import { seasonPlanResultSchema, seasonProposalSchema, type SeasonPlanResult, type SeasonProposalView } from '../../api/season.js';
import { yearSchema, type YearOverview } from '../../api/year.js';
import { fromCopenhagenWallClock, toCopenhagenWallClock } from '../../domain/copenhagen-time.js';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalL },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  slot: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

interface Slot {
  schoolId: string;
  date: string;
  time: string;
  include: boolean;
}

const draftKey = 'udviklingssamtale.season';

/**
 * "Planlæg sæsonen": the municipal lead chooses the weeks, the template, the
 * theme and the facilitator; the app proposes a slot for every school from
 * the people's free/busy; the lead adjusts any slot and confirms, and sees
 * each school's invitation, folder and agenda go out.
 */
export function SeasonPage({ api, navigate }: { api: ApiClient; navigate: (path: string) => void }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [form, setForm] = useState(() => {
    const kept = sessionStorage.getItem(draftKey);
    return kept
      ? (JSON.parse(kept) as { from: string; to: string; templateId: string; theme: string; topics: string; facilitatorUpn: string })
      : { from: '', to: '', templateId: '', theme: '', topics: '', facilitatorUpn: '' };
  });
  const [proposal, setProposal] = useState<SeasonProposalView | null>(null);
  const [slots, setSlots] = useState<Slot[]>([]);
  const [result, setResult] = useState<SeasonPlanResult | null>(null);
  const [progress, setProgress] = useState<YearOverview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.get('/catalog', catalogSchema).then((c) => {
      setCatalog(c);
      setForm((f) => ({
        ...f,
        templateId: f.templateId || c.templates[0]?.id || '',
        theme: f.theme || c.defaultTheme,
        facilitatorUpn: f.facilitatorUpn || c.facilitators[0]?.upn || '',
      }));
    }, setError);
  }, [api]);
  useEffect(() => sessionStorage.setItem(draftKey, JSON.stringify(form)), [form]);

  // After confirming: each school's Microsoft 365 side, read again every second until all are done or failed.
  useEffect(() => {
    if (!result) return;
    let stop = false;
    const poll = async () => {
      while (!stop) {
        const year = await api.get('/year', yearSchema).catch(() => null);
        if (year) setProgress(year);
        const mine = year?.schools.filter((s) =>
          result.outcomes.some((o) => o.outcome === 'planned' && o.conversationId === s.conversation?.id),
        );
        if (mine && mine.every((s) => s.sideEffects.total > 0 && s.sideEffects.done + s.sideEffects.failed === s.sideEffects.total)) return;
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [api, result]);

  const update = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }));
  const propose = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const query = new URLSearchParams({ from: form.from, to: form.to, templateId: form.templateId });
      if (form.facilitatorUpn) query.set('facilitatorUpn', form.facilitatorUpn);
      const found = await api.get(`/season/proposal?${query}`, seasonProposalSchema);
      setProposal(found);
      setSlots(
        found.proposals.map((p) => {
          const at = p.startsAt ?? p.nearest?.startsAt ?? null;
          const local = at ? toCopenhagenWallClock(new Date(at)) : '';
          return { schoolId: p.schoolId, date: local.slice(0, 10), time: local.slice(11, 16), include: p.kind === 'slot' };
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!proposal) return;
    setBusy(true);
    setError(null);
    try {
      const chosen = slots.filter((s) => s.include && s.date && s.time);
      const planned = await api.send(
        'POST',
        '/season',
        {
          templateId: form.templateId,
          theme: form.theme,
          extraTopics: form.topics
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
          facilitatorUpn: form.facilitatorUpn || null,
          slots: chosen.map((s) => {
            const start = fromCopenhagenWallClock(`${s.date}T${s.time}`);
            return {
              schoolId: s.schoolId,
              startsAt: start.toISOString(),
              endsAt: new Date(start.getTime() + proposal.meetingMinutes * 60_000).toISOString(),
            };
          }),
        },
        seasonPlanResultSchema,
      );
      setResult(planned);
      sessionStorage.removeItem(draftKey);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!catalog) return error ? <ErrorMessage error={error} /> : <Spinner label={t('loading')} />;
  const nameOf = (upn: string) =>
    catalog.schools.find((s) => s.leaderUpn.toLowerCase() === upn)?.leaderName ??
    catalog.facilitators.find((f) => f.upn.toLowerCase() === upn)?.displayName ??
    upn;

  return (
    <main className={styles.root}>
      <Title2 as="h1" id="page-title" tabIndex={-1}>
        {t('season.title')}
      </Title2>
      <Text>{t('season.intro')}</Text>
      <Panel title={t('season.choose')}>
        <div className={styles.form}>
          <Field label={t('season.from')} required>
            <Input type="date" value={form.from} onChange={(_e, d) => update({ from: d.value })} />
          </Field>
          <Field label={t('season.to')} required>
            <Input type="date" value={form.to} onChange={(_e, d) => update({ to: d.value })} />
          </Field>
          <Field label={t('plan.template')} required>
            <Select value={form.templateId} onChange={(_e, d) => update({ templateId: d.value })}>
              {catalog.templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {t('addin.link.templateOption', { name: tpl.name, minutes: tpl.totalMinutes })}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('season.facilitator')}>
            <Select value={form.facilitatorUpn} onChange={(_e, d) => update({ facilitatorUpn: d.value })}>
              <option value="">{t('season.noFacilitator')}</option>
              {catalog.facilitators.map((f) => (
                <option key={f.upn} value={f.upn}>
                  {f.displayName}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label={t('plan.theme')} required>
          <Input value={form.theme} maxLength={200} onChange={(_e, d) => update({ theme: d.value })} />
        </Field>
        <Field label={t('addin.link.topics')} hint={t('addin.link.topicsHint')}>
          <Textarea value={form.topics} onChange={(_e, d) => update({ topics: d.value })} />
        </Field>
        <div>
          <Button appearance="primary" disabled={busy || !form.from || !form.to || !form.templateId} onClick={() => void propose()}>
            {t('season.propose')}
          </Button>
        </div>
      </Panel>
      {busy && !proposal ? <Spinner label={t('season.reading')} /> : null}
      <ErrorMessage error={error} />

      {proposal ? (
        <Panel title={t('season.proposalTitle', { year: proposal.schoolYear, count: slots.filter((s) => s.include).length })}>
          {proposal.unreadable.length ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('season.unreadable', { names: proposal.unreadable.map(nameOf).join(', ') })}</MessageBarBody>
            </MessageBar>
          ) : null}
          {proposal.proposals.length === 0 ? <Text>{t('season.allPlanned')}</Text> : null}
          {proposal.proposals.length ? (
            <Table aria-label={t('season.proposalTable')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('list.school')}</TableHeaderCell>
                  <TableHeaderCell>{t('season.slot')}</TableHeaderCell>
                  <TableHeaderCell>{t('season.note')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {proposal.proposals.map((p, i) => {
                  const slot = slots[i]!;
                  // Two schools at once cannot both have the municipality's people: say so beside the slot.
                  const startOf = (s: Slot) =>
                    s.include && s.date && s.time ? fromCopenhagenWallClock(`${s.date}T${s.time}`).getTime() : null;
                  const mine = startOf(slot);
                  const clash =
                    mine === null
                      ? null
                      : proposal.proposals.find((_, j) => {
                          const other = j === i ? null : startOf(slots[j]!);
                          return other !== null && Math.abs(other - mine) < proposal.meetingMinutes * 60_000;
                        });
                  const setSlot = (change: Partial<Slot>) => setSlots((all) => all.map((s, j) => (j === i ? { ...s, ...change } : s)));
                  return (
                    <TableRow key={p.schoolId} data-school={p.schoolId}>
                      <TableCell>{p.schoolName}</TableCell>
                      <TableCell>
                        <div className={styles.slot}>
                          <Input
                            type="date"
                            aria-label={t('season.dateFor', { school: p.schoolName })}
                            value={slot.date}
                            onChange={(_e, d) => setSlot({ date: d.value, include: true })}
                          />
                          <Input
                            type="time"
                            aria-label={t('season.timeFor', { school: p.schoolName })}
                            value={slot.time}
                            onChange={(_e, d) => setSlot({ time: d.value, include: true })}
                          />
                        </div>
                      </TableCell>
                      <TableCell>
                        {p.kind === 'slot' ? (
                          <Badge appearance="tint" color="success">
                            {t('season.free')}
                          </Badge>
                        ) : (
                          <Text>
                            {p.reason?.kind === 'noSchoolDays'
                              ? t('season.noSchoolDays')
                              : t('season.busy', { names: (p.reason?.people ?? []).map(nameOf).join(', ') })}{' '}
                            {p.nearest
                              ? t('season.nearest', {
                                  when: `${formatDate(p.nearest.startsAt, locale)} ${formatTime(p.nearest.startsAt, locale)}`,
                                })
                              : t('season.noNearest')}
                          </Text>
                        )}
                        {clash ? (
                          <Text block role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
                            {t('season.clash', { school: clash.schoolName })}
                          </Text>
                        ) : null}
                        {p.unreadable.length ? (
                          <Text block size={200}>
                            {t('season.plannedWithout', { names: p.unreadable.map(nameOf).join(', ') })}
                          </Text>
                        ) : null}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          ) : null}
          {proposal.alreadyPlanned.length ? (
            <section aria-label={t('season.alreadyPlanned')}>
              <Text weight="semibold">{t('season.alreadyPlanned')}</Text>
              <ul>
                {proposal.alreadyPlanned.map((p) => (
                  <li key={p.schoolId}>
                    <Link href={`#/conversations/${p.conversationId}`}>{p.schoolName}</Link> – {formatDate(p.startsAt, locale)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {proposal.proposals.length ? (
            <div>
              <Button appearance="primary" disabled={busy || slots.every((s) => !s.include)} onClick={() => void confirm()}>
                {t('season.confirm', { count: slots.filter((s) => s.include && s.date && s.time).length })}
              </Button>
            </div>
          ) : null}
        </Panel>
      ) : null}

      {result ? (
        <Panel title={t('season.progressTitle')}>
          <ul data-testid="season-progress">
            {result.outcomes.map((o) => {
              const school = catalog.schools.find((s) => s.id === o.schoolId)!;
              const state = progress?.schools.find((s) => s.schoolId === o.schoolId);
              return (
                <li key={o.schoolId} data-school={o.schoolId}>
                  {o.conversationId ? <Link href={`#/conversations/${o.conversationId}`}>{school.name}</Link> : school.name}:{' '}
                  {o.outcome === 'refused'
                    ? o.message
                    : o.outcome === 'alreadyPlanned'
                      ? t('season.wasPlanned')
                      : state && state.sideEffects.failed
                        ? t('season.failed')
                        : state && state.sideEffects.total && state.sideEffects.done === state.sideEffects.total
                          ? t('season.done')
                          : t('season.sending', { done: state?.sideEffects.done ?? 0, total: state?.sideEffects.total ?? 3 })}
                </li>
              );
            })}
          </ul>
          <div>
            <Button onClick={() => navigate('/year')}>{t('season.toYear')}</Button>
          </div>
        </Panel>
      ) : null}
    </main>
  );
}
