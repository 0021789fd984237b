import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { TemplateItem } from '../../domain/template.js';
import { timeAgenda, totalMinutes } from '../../domain/agenda-timing.js';
import { roleList, type Role } from '../../domain/role-list.js';
import { useI18n } from '../i18n.js';
import { formatTime } from '../format.js';
import { addBreak, blankItem, distributeDifference, moveItem, removeItem } from './item-operations.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  title: { flex: '1 1 180px', minWidth: 0 },
  minutes: { width: '96px' },
  clock: { color: tokens.colorNeutralForeground3, minWidth: '92px', paddingBottom: tokens.spacingVerticalXS },
  buttons: {
    display: 'flex',
    gap: tokens.spacingHorizontalXXS,
    '& button': { minWidth: '32px', paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  },
  details: { display: 'grid', gap: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalM, minWidth: 0 },
  roles: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  question: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalXXS },
  questionControls: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  summary: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const requirementTags = ['testResults', 'followUp', 'actionPlanStatus', 'schoolTopics', 'municipalityTopics'] as const;
export const maxItemMinutes = 240;

/** What is wrong with one item, for the field it concerns (the page refuses to save while any is). */
type ItemProblem = { title?: 'items.titleMissing'; minutes?: 'items.minutesTooFew' | 'items.minutesTooMany' };
export function itemProblems(items: readonly TemplateItem[]): Map<string, ItemProblem> {
  const problems = new Map<string, ItemProblem>();
  items.forEach((item) => {
    const p: ItemProblem = {};
    if (!item.title.trim()) p.title = 'items.titleMissing';
    if (!Number.isInteger(item.minutes) || item.minutes < 1) p.minutes = 'items.minutesTooFew';
    else if (item.minutes > maxItemMinutes) p.minutes = 'items.minutesTooMany';
    if (p.title || p.minutes) problems.set(item.key, p);
  });
  return problems;
}

/**
 * The agenda's items, editable: title and minutes in each row with its clock
 * time, the rest (goal, who is responsible, process, preparation, reflection,
 * what the item covers of § 40 a) behind "Detaljer". Items are added, removed
 * and moved with buttons that keep the keyboard where the person is. The
 * total against the meeting's length is said in words, with a way to make it fit.
 */
export function AgendaItemsEditor({
  items,
  onChange,
  start,
  meetingMinutes,
  showProblems,
}: {
  items: TemplateItem[];
  onChange: (items: TemplateItem[]) => void;
  start: Date | null;
  meetingMinutes: number;
  /** After a save was tried: show every problem, not only those in fields the person has touched. */
  showProblems: boolean;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const titleInputs = useRef(new Map<string, HTMLInputElement>());
  useEffect(() => {
    if (!focusKey) return;
    titleInputs.current.get(focusKey)?.focus();
    setFocusKey(null);
  }, [focusKey, items]);

  const timed = start ? timeAgenda(items, start) : null;
  const problems = itemProblems(items);
  const total = totalMinutes(items);
  const set = (index: number, change: Partial<TemplateItem>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const toggle = (key: string) => setOpen((o) => new Set(o.has(key) ? [...o].filter((k) => k !== key) : [...o, key]));
  const name = (index: number) => ({ number: index + 1, title: items[index]!.title || t('items.untitled') });

  return (
    <div>
      <ol className={styles.list} aria-label={t('plan.preview')}>
        {items.map((item, index) => {
          const problem = problems.get(item.key);
          const clock = timed ? `${formatTime(timed[index]!.startsAt, locale)}–${formatTime(timed[index]!.endsAt, locale)}` : '–';
          return (
            <li key={item.key} className={styles.item} data-item={item.key}>
              <div className={styles.head}>
                <Text className={styles.clock} aria-label={t('items.clock', { clock })}>
                  {clock}
                </Text>
                <Field
                  className={styles.title}
                  label={t('items.title', { number: index + 1 })}
                  validationMessage={problem?.title && (showProblems || item.title !== '') ? t(problem.title, name(index)) : undefined}
                >
                  <Input
                    ref={(element) => {
                      if (element) titleInputs.current.set(item.key, element);
                      else titleInputs.current.delete(item.key);
                    }}
                    value={item.title}
                    maxLength={200}
                    onChange={(_, d) => set(index, { title: d.value })}
                  />
                </Field>
                <Field
                  className={styles.minutes}
                  label={t('items.minutes')}
                  validationMessage={problem?.minutes ? t(problem.minutes, { ...name(index), max: maxItemMinutes }) : undefined}
                >
                  <Input
                    type="number"
                    min={1}
                    max={maxItemMinutes}
                    value={String(item.minutes)}
                    aria-label={t('plan.minutesFor', name(index))}
                    onChange={(_, d) => set(index, { minutes: Math.max(0, Math.round(Number(d.value) || 0)) })}
                  />
                </Field>
                <div className={styles.buttons}>
                  <Button
                    appearance="subtle"
                    aria-label={t('items.moveUp', name(index))}
                    disabled={index === 0}
                    onClick={() => onChange(moveItem(items, index, -1))}
                  >
                    ↑
                  </Button>
                  <Button
                    appearance="subtle"
                    aria-label={t('items.moveDown', name(index))}
                    disabled={index === items.length - 1}
                    onClick={() => onChange(moveItem(items, index, 1))}
                  >
                    ↓
                  </Button>
                  <Button
                    appearance="subtle"
                    aria-label={t('items.remove', name(index))}
                    disabled={items.length === 1}
                    onClick={() => {
                      onChange(removeItem(items, index));
                      const neighbour = items[index + 1] ?? items[index - 1];
                      if (neighbour) setFocusKey(neighbour.key);
                    }}
                  >
                    ✕
                  </Button>
                </div>
              </div>
              <div>
                <Button size="small" appearance="transparent" aria-expanded={open.has(item.key)} onClick={() => toggle(item.key)}>
                  {open.has(item.key) ? '▾' : '▸'} {t('items.details', name(index))}
                </Button>
              </div>
              {open.has(item.key) ? <ItemDetails item={item} onChange={(change) => set(index, change)} /> : null}
            </li>
          );
        })}
      </ol>
      <div className={styles.summary}>
        <Button
          onClick={() => {
            const added = blankItem(items);
            onChange([...items, added]);
            setFocusKey(added.key);
          }}
        >
          {t('items.add')}
        </Button>
        <Text role="status" data-testid="agenda-total">
          {total === meetingMinutes
            ? t('plan.total', { agenda: total, meeting: meetingMinutes })
            : total > meetingMinutes
              ? t('plan.tooLong', { minutes: total - meetingMinutes, agenda: total, meeting: meetingMinutes })
              : t('plan.tooShort', { minutes: meetingMinutes - total, agenda: total, meeting: meetingMinutes })}
        </Text>
        {total !== meetingMinutes && meetingMinutes >= items.length ? (
          <Button size="small" onClick={() => onChange(distributeDifference(items, meetingMinutes))}>
            {t('plan.distribute')}
          </Button>
        ) : null}
        {total < meetingMinutes ? (
          <Button size="small" onClick={() => onChange(addBreak(items, meetingMinutes - total, t('items.break')))}>
            {t('plan.addBreak', { minutes: meetingMinutes - total })}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function ItemDetails({ item, onChange }: { item: TemplateItem; onChange: (change: Partial<TemplateItem>) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const toggleRole = (role: Role, on: boolean) => {
    const next = on ? [...item.responsibleRoles, role] : item.responsibleRoles.filter((r) => r !== role);
    if (next.length > 0) onChange({ responsibleRoles: next });
  };
  const setQuestion = (index: number, change: Partial<TemplateItem['preparationQuestions'][number]>) =>
    onChange({ preparationQuestions: item.preparationQuestions.map((q, i) => (i === index ? { ...q, ...change } : q)) });
  return (
    <div className={styles.details}>
      <Field label={t('items.goal')}>
        <Textarea value={item.goal} maxLength={2000} resize="vertical" onChange={(_, d) => onChange({ goal: d.value })} />
      </Field>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>
          <Text size={300}>{t('items.responsible')}</Text>
        </legend>
        <div className={styles.roles}>
          {roleList.map((role) => (
            <Checkbox
              key={role}
              label={t(`roles.${role}`)}
              checked={item.responsibleRoles.includes(role)}
              onChange={(_, d) => toggleRole(role, d.checked === true)}
            />
          ))}
        </div>
      </fieldset>
      <Field label={t('items.process')}>
        <Textarea value={item.process} maxLength={4000} resize="vertical" onChange={(_, d) => onChange({ process: d.value })} />
      </Field>
      <Text size={300}>{t('items.preparation')}</Text>
      {item.preparationQuestions.map((q, index) => (
        <div key={index} className={styles.question}>
          <Field label={t('items.preparationQuestion', { number: index + 1 })}>
            <Textarea value={q.text} maxLength={1000} resize="vertical" onChange={(_, d) => setQuestion(index, { text: d.value })} />
          </Field>
          <div className={styles.questionControls}>
            <Select
              aria-label={t('items.preparationFor', { number: index + 1 })}
              value={q.for.length === 1 ? q.for[0] : 'responsible'}
              onChange={(_, d) => setQuestion(index, { for: d.value === 'responsible' ? item.responsibleRoles : [d.value as Role] })}
            >
              <option value="responsible">{t('items.forResponsible')}</option>
              {roleList.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </Select>
            <Select
              aria-label={t('items.preparationKind', { number: index + 1 })}
              value={q.kind}
              onChange={(_, d) => setQuestion(index, { kind: d.value as 'question' | 'data' })}
            >
              <option value="question">{t('items.kindQuestion')}</option>
              <option value="data">{t('items.kindData')}</option>
            </Select>
            <Button
              appearance="subtle"
              aria-label={t('items.removeQuestion', { number: index + 1 })}
              onClick={() => onChange({ preparationQuestions: item.preparationQuestions.filter((_, i) => i !== index) })}
            >
              ✕
            </Button>
          </div>
        </div>
      ))}
      <div>
        <Button
          size="small"
          onClick={() =>
            onChange({ preparationQuestions: [...item.preparationQuestions, { text: '', for: item.responsibleRoles, kind: 'question' }] })
          }
        >
          {t('items.addQuestion')}
        </Button>
      </div>
      <Field label={t('items.reflection')} hint={t('items.onePerLine')}>
        <Textarea
          value={item.reflectionQuestions.join('\n')}
          resize="vertical"
          onChange={(_, d) => onChange({ reflectionQuestions: d.value.split('\n') })}
          onBlur={() => onChange({ reflectionQuestions: item.reflectionQuestions.map((q) => q.trim()).filter(Boolean) })}
        />
      </Field>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>
          <Text size={300}>{t('items.covers')}</Text>
        </legend>
        <div className={styles.roles}>
          {requirementTags.map((tag) => (
            <Checkbox
              key={tag}
              label={t(`items.cover.${tag}`)}
              checked={item.covers.includes(tag)}
              onChange={(_, d) => onChange({ covers: d.checked ? [...item.covers, tag] : item.covers.filter((c) => c !== tag) })}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}
