import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MinutesContent } from '../../api/minutes.js';
import { useI18n, type TextKey } from '../i18n.js';
import { formatDate } from '../format.js';
import { Panel } from '../components/Panel.js';
import type { RowProblem } from './minutes-form.js';

type Agreement = MinutesContent['agreements'][number];
/** A field's state from the publication guard (a name or a test level on the public page). */
export type FieldState = (field: string) => { validationState?: 'error' | 'warning'; validationMessage?: string };

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  wide: { gridColumn: 'span 2' },
  remove: { alignSelf: 'end' },
});

/** The agreements: what, who, by when, and when to follow up. Half-filled rows say what is missing. */
export function AgreementsPanel({
  agreements,
  editable,
  problems,
  guardState,
  onChange,
}: {
  agreements: MinutesContent['agreements'];
  editable: boolean;
  problems: RowProblem[];
  guardState: FieldState;
  onChange: (agreements: MinutesContent['agreements']) => void;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  /** The guard's finding wins over the form's own remark (it explains more). */
  const state = (field: string) => {
    const guard = guardState(field);
    if (guard.validationState) return guard;
    const own = problems.filter((p) => p.field === field);
    if (own.length === 0) return {};
    return {
      validationState: own.some((p) => p.blocking) ? ('error' as const) : ('warning' as const),
      validationMessage: own.map((p) => t(`minutes.problem.${p.key}` as TextKey)).join(' '),
    };
  };
  const dateField = (a: Agreement, key: 'dueDate' | 'followUpDate', label: string, field: string) => (
    <Field label={label} {...state(field)}>
      {editable ? (
        <Input type="date" value={a[key] ?? ''} onChange={(_, v) => set(a, { [key]: v.value || null })} />
      ) : (
        <Input readOnly value={a[key] ? formatDate(`${a[key]}T12:00:00Z`, locale) : '–'} />
      )}
    </Field>
  );
  const set = (a: Agreement, change: Partial<Agreement>) => onChange(agreements.map((x) => (x.id === a.id ? { ...x, ...change } : x)));
  return (
    <Panel title={t('minutes.agreements')}>
      {agreements.length === 0 && !editable ? <Text>{t('minutes.noAgreements')}</Text> : null}
      {agreements.map((a, index) => (
        <fieldset key={a.id} className={styles.row} style={{ border: 'none', margin: 0, padding: 0 }} data-agreement={index + 1}>
          <legend style={{ position: 'absolute', left: -10000 }}>{t('minutes.agreementNumber', { number: index + 1 })}</legend>
          <Field className={styles.wide} label={t('minutes.what')} {...state(`agreement:${a.id}:what`)}>
            <Input value={a.what} readOnly={!editable} onChange={(_, v) => set(a, { what: v.value })} />
          </Field>
          <Field label={t('minutes.owner')} {...state(`agreement:${a.id}:owner`)}>
            <Input value={a.owner} readOnly={!editable} onChange={(_, v) => set(a, { owner: v.value })} />
          </Field>
          {dateField(a, 'dueDate', t('minutes.due'), `agreement:${a.id}:due`)}
          {dateField(a, 'followUpDate', t('minutes.followUp'), `agreement:${a.id}:followUp`)}
          {editable ? (
            <Button
              className={styles.remove}
              aria-label={t('minutes.removeAgreement', { number: index + 1 })}
              onClick={() => onChange(agreements.filter((x) => x.id !== a.id))}
            >
              {t('minutes.remove')}
            </Button>
          ) : null}
        </fieldset>
      ))}
      {editable ? (
        <div>
          <Button
            onClick={() => onChange([...agreements, { id: crypto.randomUUID(), what: '', owner: '', dueDate: null, followUpDate: null }])}
          >
            {t('minutes.addAgreement')}
          </Button>
        </div>
      ) : null}
    </Panel>
  );
}
