import { useEffect, useState } from 'react';
import { Button, Combobox, Field, Option, Select, Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import type { Person } from '../api-types.js';
import { useI18n } from '../i18n.js';

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
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Person[]>([]);
  const [open, setOpen] = useState(false);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    if (query.trim().length < 2) return setResults([]);
    setSearching(true);
    const timer = setTimeout(() => {
      api
        .get<{ people: Person[] }>(`/people?q=${encodeURIComponent(query.trim())}`)
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
        <Combobox
          freeform
          value={query}
          // A search box, not a selection: a chosen person goes to the list below and the box empties.
          selectedOptions={[]}
          open={open && query.trim().length >= 2}
          onOpenChange={(_, data) => setOpen(data.open)}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onOptionSelect={(_, data) => {
            const person = results.find((r) => r.upn === data.optionValue);
            if (person) onChange([...value, { upn: person.upn, displayName: person.displayName, role: 'participant' }]);
            setQuery('');
            setResults([]);
            setOpen(false);
          }}
        >
          {results.map((p) => (
            <Option key={p.upn} value={p.upn} text={p.displayName}>
              {`${p.displayName} – ${p.jobTitle}`}
            </Option>
          ))}
          {results.length === 0 ? (
            <Option disabled value="" text="">
              {searching ? t('loading') : t('schoolPart.noPeopleFound')}
            </Option>
          ) : null}
        </Combobox>
      </Field>
    </div>
  );
}
