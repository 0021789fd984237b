import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAgendaView } from '../../src/documents/agenda-view.js';
import { renderAgendaDocx } from '../../src/documents/agenda-docx.js';
import { describeSchoolPart } from '../../src/domain/conversation.js';
import { plannedConversation, seedTemplate } from '../support/factories.js';

const soffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the agenda .docx in LibreOffice', () => {
  // .ci/run installs LibreOffice (Debian's libreoffice-writer-nogui); a developer machine without it skips this one check.
  it.runIf(soffice)('opens and shows every item with time, goal, responsible role, process and questions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-'));
    try {
      const conversation = describeSchoolPart(
        plannedConversation({ template: seedTemplate('cbl-erfaringer-viden-ansvar') }),
        'Trivsel i udskolingen',
        'Hvad skal der til?',
      );
      writeFileSync(
        join(dir, 'agenda.docx'),
        await renderAgendaDocx(buildAgendaView(conversation, { documents: [], agendaUrl: null, joinUrl: null })),
      );
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'txt:Text (encoded):UTF8',
          '--outdir',
          dir,
          join(dir, 'agenda.docx'),
        ],
        {
          stdio: 'ignore',
          timeout: 120_000,
        },
      );
      const text = readFileSync(join(dir, 'agenda.txt'), 'utf8');
      for (const expected of [
        'Dagsorden – skoleudviklingssamtale',
        '09:00–09:10',
        '1. Velkomst og rammesætning',
        '2. Erfaringer',
        '3. Viden: data, opfølgning og planer',
        'Mål: En fælles, nysgerrig drøftelse',
        'Individuel refleksion (3 min.)',
        'Hvad dækker tallene over?',
        '4. Ansvar',
        'Facilitator',
        '10:59–11:00',
        'Trivsel i udskolingen',
      ]) {
        expect(text).toContain(expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
