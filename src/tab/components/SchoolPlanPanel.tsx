import { useEffect, useId, useState } from 'react';
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import type { ConversationDetails } from '../../api/conversation.js';
import { useI18n } from '../i18n.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Panel } from './Panel.js';
import { schoolPlanSchema, type SchoolPlanResponse } from '../../api/catalog.js';

type Plan = NonNullable<SchoolPlanResponse['plan']>;
type Kind = Plan['kind'];

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' } });

/** The school's handlingsplan or udviklingsplan: while one is registered, the conversation must cover its status (§ 40 a, 6). */
export function SchoolPlanPanel({
  api,
  conversation,
  onChanged,
}: {
  api: ApiClient;
  conversation: ConversationDetails;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const fileId = useId();
  const [plan, setPlan] = useState<Plan | null | undefined>(undefined);
  const [kind, setKind] = useState<Kind>('udviklingsplan');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const path = `/schools/${conversation.schoolId}/plan`;
  // The municipality's organisation file may already say the school has a plan, without its document.
  const declared = conversation.requirements.some((r) => r.key === 'actionPlanStatus' && r.status !== 'notApplicable');

  useEffect(() => {
    api.get(path, schoolPlanSchema).then((r) => setPlan(r.plan), setError);
  }, [api, path]);

  const act = async (work: () => Promise<{ plan: Plan | null }>) => {
    setError(null);
    try {
      setPlan((await work()).plan);
      onChanged();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Panel title={t('plan2.title')}>
      {plan === null ? <Text>{declared ? t('plan2.declaredNoDocument') : t('plan2.none')}</Text> : null}
      {plan ? (
        <div className={styles.row}>
          <Text data-testid="school-plan">{t('plan2.current', { kind: t(`plan2.${plan.kind}`), file: plan.fileName })}</Text>
          <Button onClick={() => api.download(`${path}/document`, plan.fileName).catch(setError)}>{t('plan2.download')}</Button>
          <Button onClick={() => act(() => api.remove(path, schoolPlanSchema))}>{t('plan2.remove')}</Button>
        </div>
      ) : null}
      {plan === null ? (
        <div className={styles.row}>
          <Field label={t('plan2.kind')}>
            <Select value={kind} onChange={(_, d) => setKind(d.value as Kind)}>
              <option value="udviklingsplan">{t('plan2.udviklingsplan')}</option>
              <option value="handlingsplan">{t('plan2.handlingsplan')}</option>
            </Select>
          </Field>
          <div>
            <label htmlFor={fileId}>{t('plan2.file')}</label>{' '}
            <input id={fileId} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <Button
            appearance="primary"
            disabled={!file}
            onClick={() => file && act(() => api.upload(path, file, schoolPlanSchema, { 'X-Plan-Kind': kind }, 'PUT'))}
          >
            {t('plan2.register')}
          </Button>
        </div>
      ) : null}
      <ErrorMessage error={error} />
    </Panel>
  );
}
