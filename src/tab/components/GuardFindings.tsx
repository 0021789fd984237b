import type { ReactElement } from 'react';
import { Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { GuardFinding } from '../../domain/publication-guard/publication-guard.js';
import { warningFingerprint } from '../../domain/publication-guard/publication-guard.js';
import type { PublicFinding } from '../../domain/publication-guard/check-publication.js';
import { useI18n } from '../i18n.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    padding: tokens.spacingHorizontalS,
    borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  preview: {
    whiteSpace: 'pre-wrap',
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  mark: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorNeutralForeground1 },
  markWarning: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
});

/** An owner's name is allowed once confirmed (seed 000); elsewhere a name is just personal data. */
export const ruleText = (f: PublicFinding) =>
  f.rule === 'name' && f.field.endsWith(':owner') ? ('minutes.rule.ownerName' as const) : (`minutes.rule.${f.rule}` as const);

/** The note with each finding marked, so the person sees where the problem stands. */
export function NotePreview({ text, findings }: { text: string; findings: GuardFinding[] }) {
  const styles = useStyles();
  const parts: ReactElement[] = [];
  let cursor = 0;
  for (const [index, f] of [...findings].sort((a, b) => a.start - b.start).entries()) {
    if (f.start < cursor) continue;
    parts.push(<span key={`t${index}`}>{text.slice(cursor, f.start)}</span>);
    parts.push(
      <mark key={`m${index}`} className={f.severity === 'blocking' ? styles.mark : styles.markWarning} data-finding={f.rule}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    cursor = f.end;
  }
  parts.push(<span key="rest">{text.slice(cursor)}</span>);
  return <div className={styles.preview}>{parts}</div>;
}

/**
 * Each finding explained in the person's language, pointing at its sentence.
 * Blocking findings must be fixed; personal-data warnings can be confirmed.
 */
export function GuardFindings({
  findings,
  agreementIds,
  confirmed,
  onConfirm,
  editable,
}: {
  findings: PublicFinding[];
  /** The agreements in the order the page shows them, to name "aftale 2". */
  agreementIds: string[];
  confirmed: string[];
  onConfirm: (fingerprint: string, value: boolean) => void;
  editable: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const where = (field: PublicFinding['field']) => {
    const [, id, part] = field.split(':');
    return field === 'note'
      ? t('minutes.field.note')
      : t(part === 'owner' ? 'minutes.field.owner' : 'minutes.field.what', { number: agreementIds.indexOf(id ?? '') + 1 });
  };
  if (findings.length === 0) return <Text data-testid="guard-clear">{t('minutes.noFindings')}</Text>;
  return (
    <ul className={styles.list} aria-live="polite">
      {findings.map((f, index) => {
        const fingerprint = warningFingerprint(f);
        return (
          <li
            key={`${fingerprint}-${index}`}
            className={f.severity === 'warning' ? `${styles.item} ${styles.warning}` : styles.item}
            data-severity={f.severity}
          >
            <Text weight="semibold">
              {f.severity === 'blocking' ? t('minutes.blocking') : t('minutes.warning')} · {where(f.field)}:{' '}
            </Text>
            <Text>{t(ruleText(f), { text: f.text })}</Text>
            <br />
            <Text size={200} style={{ overflowWrap: 'anywhere' }}>
              {t('minutes.inSentence', { sentence: f.sentence.text })}
            </Text>
            {f.severity === 'warning' ? (
              <Checkbox
                label={t('minutes.confirm')}
                checked={confirmed.includes(fingerprint)}
                disabled={!editable}
                onChange={(_, data) => onConfirm(fingerprint, data.checked === true)}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
