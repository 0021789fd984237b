import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api-client.js';
import { liveAgendaSchema, liveRunSchema, type LiveAgenda, type LiveRun } from '../../api/meeting.js';
import { agendaEndsAt, readAgenda, type AgendaAction, type AgendaReading } from '../../domain/agenda-clock.js';

export interface LiveAgendaState {
  agenda: LiveAgenda | null;
  live: LiveRun | null;
  /** The reading, with the end it is measured against (the calendar's, or the agenda's own when started early). */
  reading: (AgendaReading & { endsAt: Date }) | null;
  connected: boolean;
  loadError: unknown;
  /** Bumped on every pushed change (reflection rounds read again on it). */
  changes: number;
  act(action: AgendaAction): Promise<void>;
}

/**
 * The live agenda for a view: read once, then followed on the server's
 * stream. The clock counts with the server's time (the offset taken from each
 * pushed state), so every screen shows the same seconds whatever its own
 * clock says; it ticks once a second.
 */
export function useLiveAgenda(api: ApiClient, conversationId: string): LiveAgendaState {
  const [agenda, setAgenda] = useState<LiveAgenda | null>(null);
  const [live, setLive] = useState<LiveRun | null>(null);
  const [offset, setOffset] = useState(0);
  const [connected, setConnected] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [changes, setChanges] = useState(0);
  const [tick, setTick] = useState(0);

  const accept = useCallback((next: LiveRun) => {
    setOffset(Date.parse(next.serverNow) - Date.now());
    // An older state arriving late (a response after a pushed change) never turns the clock back.
    setLive((current) => (current && current.version > next.version ? current : next));
    setChanges((n) => n + 1);
  }, []);

  useEffect(() => {
    let stopped = false;
    api.get(`/conversations/${conversationId}/meeting`, liveAgendaSchema).then((found) => {
      if (stopped) return;
      setAgenda(found);
      accept(found.live);
    }, setLoadError);
    const stop = api.stream(`/conversations/${conversationId}/meeting/stream`, liveRunSchema, accept, setConnected);
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => {
      stopped = true;
      stop();
      clearInterval(timer);
    };
  }, [api, conversationId, accept]);

  const reading = useMemo(() => {
    if (!agenda || !live) return null;
    const items = agenda.items.map((i) => ({ key: i.key, minutes: i.minutes }));
    const end = agendaEndsAt(live.run, items, { startsAt: new Date(agenda.startsAt), endsAt: new Date(agenda.endsAt) });
    return { ...readAgenda(live.run, items, end, new Date(Date.now() + offset)), endsAt: end };
    // `tick` re-reads the clock every second.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [agenda, live, offset, tick]);

  const act = useCallback(
    async (action: AgendaAction) =>
      accept(await api.send('POST', `/conversations/${conversationId}/meeting/actions`, action, liveRunSchema)),
    [api, conversationId, accept],
  );

  return { agenda, live, reading, connected, loadError, changes, act };
}

/** "12:05", "1:02:03": minutes and seconds of a duration, hours when there are any. */
export function clockText(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
