import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MinutesContent } from '../../api/minutes.js';
import { useI18n } from '../i18n.js';
import { Panel } from '../components/Panel.js';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' } });

/** The decisions, one per line; an empty one is simply not saved. */
export function DecisionsPanel({
  decisions,
  editable,
  onChange,
}: {
  decisions: MinutesContent['decisions'];
  editable: boolean;
  onChange: (decisions: MinutesContent['decisions']) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Panel title={t('minutes.decisions')}>
      {decisions.length === 0 && !editable ? <Text>{t('minutes.noDecisions')}</Text> : null}
      {decisions.map((d, index) => (
        <div key={d.id} className={styles.row}>
          <Field label={t('minutes.decision', { number: index + 1 })} style={{ flex: 1, minWidth: 200 }}>
            <Input
              value={d.text}
              readOnly={!editable}
              onChange={(_, v) => onChange(decisions.map((x) => (x.id === d.id ? { ...x, text: v.value } : x)))}
            />
          </Field>
          {editable ? (
            <Button
              aria-label={t('minutes.removeDecision', { number: index + 1 })}
              onClick={() => onChange(decisions.filter((x) => x.id !== d.id))}
            >
              {t('minutes.remove')}
            </Button>
          ) : null}
        </div>
      ))}
      {editable ? (
        <div>
          <Button onClick={() => onChange([...decisions, { id: crypto.randomUUID(), text: '' }])}>{t('minutes.addDecision')}</Button>
        </div>
      ) : null}
    </Panel>
  );
}
