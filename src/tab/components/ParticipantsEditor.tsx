import { useEffect, useState } from 'react';
import { Button, Field, Input, Select, Table, TableBody, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import type { Person } from '../../api/catalog.js';
import { useI18n } from '../i18n.js';
import { peopleSchema } from '../../api/catalog.js';

const useStyles = makeStyles({
  results: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXXS },
});

export type InvitedRole = 'facilitator' | 'minuteTaker' | 'participant';
export interface Invitee {
  upn: string;
  displayName: string;
  role: InvitedRole;
}

/** The school leader's invitees: find people in the directory, give each a role. */
export function ParticipantsEditor({
  api,
  value,
  onChange,
  fixed,
}: {
  api: ApiClient;
  value: Invitee[];
  onChange: (v: Invitee[]) => void;
  fixed: string[];
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Person[]>([]);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    if (query.trim().length < 2) return setResults([]);
    setSearching(true);
    const timer = setTimeout(() => {
      api
        .get(`/people?q=${encodeURIComponent(query.trim())}`, peopleSchema)
        .then((r) =>
          setResults(
            r.people.filter((p) => !fixed.includes(p.upn.toLowerCase()) && !value.some((v) => v.upn.toLowerCase() === p.upn.toLowerCase())),
          ),
        )
        .catch(() => setResults([]))
        .finally(() => setSearching(false));
    }, 200);
    return () => clearTimeout(timer);
  }, [api, query, fixed, value]);

  return (
    <div>
      {value.length === 0 ? (
        <Text as="p" block>
          {t('schoolPart.noParticipants')}
        </Text>
      ) : null}
      {value.length > 0 ? (
        <Table size="small" aria-label={t('schoolPart.participants')}>
          <TableBody>
            {value.map((p) => (
              <TableRow key={p.upn}>
                <TableCell>{p.displayName}</TableCell>
                <TableCell>
                  <Select
                    aria-label={t('schoolPart.role', { name: p.displayName })}
                    value={p.role}
                    onChange={(_, d) => onChange(value.map((v) => (v.upn === p.upn ? { ...v, role: d.value as InvitedRole } : v)))}
                  >
                    {(['participant', 'facilitator', 'minuteTaker'] as const).map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </Select>
                </TableCell>
                <TableCell>
                  <Button
                    appearance="subtle"
                    onClick={() => onChange(value.filter((v) => v.upn !== p.upn))}
                    aria-label={t('schoolPart.remove', { name: p.displayName })}
                  >
                    ✕
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Field label={t('schoolPart.addPerson')} hint={t('schoolPart.addPersonHint')}>
        <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} />
      </Field>
      {query.trim().length >= 2 ? (
        <ul className={styles.results} aria-live="polite" aria-label={t('schoolPart.addPerson')}>
          {results.map((p) => (
            <li key={p.upn}>
              <Button
                appearance="subtle"
                onClick={() => {
                  onChange([...value, { upn: p.upn, displayName: p.displayName, role: 'participant' }]);
                  setQuery('');
                  setResults([]);
                }}
              >
                {t('schoolPart.add', { name: `${p.displayName} – ${p.jobTitle}` })}
              </Button>
            </li>
          ))}
          {results.length === 0 ? <li>{searching ? t('loading') : t('schoolPart.noPeopleFound')}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
