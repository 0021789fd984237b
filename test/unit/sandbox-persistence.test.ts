import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxState, type SandboxChat } from '../../src/sandbox/sandbox-state.js';

/** The sandbox keeps its tenant in a folder; a change costs what changed, not the whole tenant. */
const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const chat = (n: number, activities = 1): SandboxChat => ({
  id: `19:chat-${n}`,
  userId: `user-${n}`,
  installationId: `inst-${n}`,
  teamsAppId: 'app',
  activities: Array.from({ length: activities }, (_, i) => ({
    id: `1:${n}-${i}`,
    from: 'bot' as const,
    type: 'message',
    text: 'x'.repeat(200),
    attachments: [],
    timestamp: '2026-11-25T10:00:00Z',
    updatedAt: null,
  })),
});

describe('sandbox persistence', () => {
  it('appends only the records that changed, however large the tenant is', () => {
    const dir = folder();
    const state = new SandboxState(dir);
    for (let n = 0; n < 2000; n++) state.chats.push(chat(n, 5));
    state.changed('chats', ...state.chats);
    state.flush();
    const afterBulk = statSync(join(dir, 'journal.jsonl')).size;

    const one = state.chats[7]!;
    one.activities.push({ ...one.activities[0]!, id: '1:new' });
    state.changed('chats', one);
    state.flush();
    const grownBy = statSync(join(dir, 'journal.jsonl')).size - afterBulk;
    expect(grownBy).toBeLessThan(afterBulk / 500);
  });

  it('restores records, changes and removals after a restart, and folds the journal into the snapshot', () => {
    const dir = folder();
    const first = new SandboxState(dir);
    first.chats.push(chat(1), chat(2));
    first.changed('chats', ...first.chats);
    first.flush();
    first.chats[0]!.activities[0]!.text = 'rettet';
    first.changed('chats', first.chats[0]!);
    first.chats.splice(1, 1);
    first.removed('chats', '19:chat-2');
    first.botBlockedBy.push('user-1');
    first.blockedChanged();
    first.flush();

    const second = new SandboxState(dir);
    expect(second.chats.map((c) => c.id)).toEqual(['19:chat-1']);
    expect(second.chats[0]!.activities[0]!.text).toBe('rettet');
    expect(second.botBlockedBy).toEqual(['user-1']);
    expect(existsSync(join(dir, 'journal.jsonl'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).chats).toHaveLength(1);
  });

  it('keeps everything before a journal line cut short by a crash', () => {
    const dir = folder();
    const first = new SandboxState(dir);
    first.chats.push(chat(1));
    first.changed('chats', first.chats[0]!);
    first.flush();
    appendFileSync(join(dir, 'journal.jsonl'), '{"c":"chats","v":{"id":"19:cha');
    expect(new SandboxState(dir).chats.map((c) => c.id)).toEqual(['19:chat-1']);
  });
});
