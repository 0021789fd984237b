import { useEffect, useRef, useState } from 'react';
import { Button, Field, Input, Select, Table, TableBody, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api-client.js';
import type { Person } from '../../api/catalog.js';
import { useI18n } from '../i18n.js';
import { peopleSchema } from '../../api/catalog.js';
import { invitedRoles, type InvitedRole } from '../../domain/role-list.js';

const useStyles = makeStyles({
  results: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXXS },
  added: { color: tokens.colorNeutralForeground3, padding: `0 ${tokens.spacingHorizontalS}` },
  name: { overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground3 },
});

export interface Invitee {
  upn: string;
  displayName: string;
  role: InvitedRole;
  /** A guest from outside the municipality, invited by e-mail. */
  external?: boolean;
  /** Already sent the invitation (false: saved, or about to be, but not sent yet). */
  invited?: boolean;
}

const emailLike = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]{2,}$/;

/**
 * The school leader's invitees: find people in the directory or invite a
 * guest by e-mail, give each a role. Someone already on the list shows as
 * added; after adding, focus moves to the new person's role.
 */
export function ParticipantsEditor({
  api,
  value,
  onChange,
  fixed,
}: {
  api: ApiClient;
  value: Invitee[];
  onChange: (v: Invitee[]) => void;
  /** The municipal lead and the school leader: always there, never added again. */
  fixed: string[];
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Person[]>([]);
  const [searching, setSearching] = useState(false);
  const [focusUpn, setFocusUpn] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const roleSelects = useRef(new Map<string, HTMLSelectElement>());

  useEffect(() => {
    if (query.trim().length < 2) return setResults([]);
    setSearching(true);
    const timer = setTimeout(() => {
      api
        .get(`/people?q=${encodeURIComponent(query.trim())}`, peopleSchema)
        .then((r) => setResults(r.people))
        .catch(() => setResults([]))
        .finally(() => setSearching(false));
    }, 200);
    return () => clearTimeout(timer);
  }, [api, query]);

  useEffect(() => {
    if (!focusUpn) return;
    roleSelects.current.get(focusUpn)?.focus();
    setFocusUpn(null);
  }, [focusUpn, value]);

  const isAdded = (upn: string) => fixed.includes(upn.toLowerCase()) || value.some((v) => v.upn.toLowerCase() === upn.toLowerCase());
  const add = (person: Invitee) => {
    onChange([...value, person]);
    setQuery('');
    setResults([]);
    setFocusUpn(person.upn);
  };
  const remove = (upn: string) => {
    onChange(value.filter((v) => v.upn !== upn));
    search.current?.focus();
  };
  const typed = query.trim();
  const guestOffer = emailLike.test(typed) && !isAdded(typed) && !results.some((p) => p.upn.toLowerCase() === typed.toLowerCase());

  return (
    <div>
      {value.length === 0 ? (
        <Text as="p" block>
          {t('schoolPart.noParticipants')}
        </Text>
      ) : (
        <Table size="small" aria-label={t('schoolPart.participants')}>
          <TableBody>
            {value.map((p) => (
              <TableRow key={p.upn} data-invitee={p.upn}>
                <TableCell className={styles.name}>
                  {p.external ? (
                    <Input
                      aria-label={t('schoolPart.guestName', { email: p.upn })}
                      value={p.displayName}
                      maxLength={200}
                      onChange={(_, d) => onChange(value.map((v) => (v.upn === p.upn ? { ...v, displayName: d.value } : v)))}
                    />
                  ) : (
                    p.displayName
                  )}
                  <br />
                  <Text size={200} className={styles.meta}>
                    {[p.external ? t('schoolPart.guest') : null, p.invited ? null : t('schoolPart.notInvitedYet')]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </TableCell>
                <TableCell>
                  <Select
                    ref={(element) => {
                      if (element) roleSelects.current.set(p.upn, element);
                      else roleSelects.current.delete(p.upn);
                    }}
                    aria-label={t('schoolPart.role', { name: p.displayName })}
                    value={p.role}
                    onChange={(_, d) => onChange(value.map((v) => (v.upn === p.upn ? { ...v, role: d.value as InvitedRole } : v)))}
                  >
                    {invitedRoles.map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </Select>
                </TableCell>
                <TableCell>
                  <Button appearance="subtle" onClick={() => remove(p.upn)} aria-label={t('schoolPart.remove', { name: p.displayName })}>
                    ✕
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Field label={t('schoolPart.addPerson')} hint={t('schoolPart.addPersonHint')}>
        <Input ref={search} type="search" value={query} onChange={(_, d) => setQuery(d.value)} />
      </Field>
      {typed.length >= 2 ? (
        <ul className={styles.results} aria-live="polite" aria-label={t('schoolPart.addPerson')}>
          {results.map((p) =>
            isAdded(p.upn) ? (
              <li key={p.upn} className={styles.added}>
                {t('schoolPart.alreadyAdded', { name: p.displayName })}
              </li>
            ) : (
              <li key={p.upn}>
                <Button
                  appearance="subtle"
                  onClick={() => add({ upn: p.upn, displayName: p.displayName, role: 'participant', invited: false })}
                >
                  {t('schoolPart.add', { name: p.jobTitle ? `${p.displayName} – ${p.jobTitle}` : p.displayName })}
                </Button>
              </li>
            ),
          )}
          {guestOffer ? (
            <li>
              <Button
                appearance="subtle"
                onClick={() => add({ upn: typed, displayName: typed, role: 'participant', external: true, invited: false })}
              >
                {t('schoolPart.addGuest', { email: typed })}
              </Button>
            </li>
          ) : null}
          {results.length === 0 && !guestOffer ? <li>{searching ? t('loading') : t('schoolPart.noPeopleFound')}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
