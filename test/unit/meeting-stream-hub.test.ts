import { describe, expect, it } from 'vitest';
import { meetingStreamHub } from '../../src/server/meeting-stream-hub.js';

/** The hub between the database's notifications and the open event streams of one instance. */
function fakeDatabase(failFirst = false) {
  let handler: ((id: string) => void) | null = null;
  let calls = 0;
  return {
    follow: async (h: (id: string) => void) => {
      if (failFirst && calls++ === 0) throw new Error('database away');
      handler = h;
      return async () => void (handler = null);
    },
    notify: (id: string) => handler?.(id),
  };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the meeting stream hub', () => {
  it('sends a change to the open views of that conversation only', async () => {
    const db = fakeDatabase();
    const hub = meetingStreamHub(db.follow, async (id) => `state of ${id}`);
    const seen: string[] = [];
    await hub.subscribe('a', (v) => seen.push(`view 1: ${v}`));
    await hub.subscribe('b', (v) => seen.push(`view 2: ${v}`));
    db.notify('a');
    await settle();
    expect(seen).toEqual(['view 1: state of a']);
  });

  it('brings every open view up to date when the listener was away and is back (the empty id)', async () => {
    const db = fakeDatabase();
    const hub = meetingStreamHub(db.follow, async (id) => `state of ${id}`);
    const seen: string[] = [];
    await hub.subscribe('a', (v) => seen.push(v));
    await hub.subscribe('b', (v) => seen.push(v));
    db.notify('');
    await settle();
    expect(seen.sort()).toEqual(['state of a', 'state of b']);
  });

  it('asks the database again for the next view when it could not listen', async () => {
    const db = fakeDatabase(true);
    const hub = meetingStreamHub(db.follow, async (id) => `state of ${id}`);
    await expect(hub.subscribe('a', () => undefined)).rejects.toThrow('database away');
    const seen: string[] = [];
    await hub.subscribe('a', (v) => seen.push(v));
    db.notify('a');
    await settle();
    expect(seen).toEqual(['state of a']);
  });
});
