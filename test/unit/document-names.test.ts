import { describe, expect, it } from 'vitest';
import { checkDocumentName, cleanDocumentName, numberedDocumentName } from '../../src/domain/document-names.js';

describe('data-package file names', () => {
  it('accepts ordinary Danish names of allowed types', () => {
    for (const name of ['Trivselsmåling 2026.pdf', 'Fravær – 4. klasse.xlsx', 'Oplæg.PPTX', 'data.csv', 'billede.jpeg']) {
      expect(checkDocumentName(name), name).toEqual({ ok: true, fileName: name });
    }
  });

  it('refuses types outside the allow-list without offering a rename', () => {
    expect(checkDocumentName('opdatering.exe')).toEqual({ ok: false, problem: 'type', extension: 'exe', suggestion: null });
    expect(checkDocumentName('makro.docm')).toMatchObject({ problem: 'type', extension: 'docm' });
    expect(checkDocumentName('README')).toMatchObject({ problem: 'type', extension: '' });
  });

  it('explains a name SharePoint cannot hold and offers the cleaned one', () => {
    expect(checkDocumentName('Trivsel: 2026/27?.pdf')).toMatchObject({ problem: 'characters', suggestion: 'Trivsel 2026-27.pdf' });
    expect(checkDocumentName(' Plan.pdf')).toMatchObject({ problem: 'edges', suggestion: 'Plan.pdf' });
    expect(checkDocumentName('~$Plan.docx')).toMatchObject({ problem: 'edges', suggestion: 'Plan.docx' });
    expect(checkDocumentName('CON.pdf')).toMatchObject({ problem: 'reserved', suggestion: 'CON-fil.pdf' });
    expect(checkDocumentName(`${'a'.repeat(300)}.pdf`)).toMatchObject({ problem: 'tooLong' });
    expect(cleanDocumentName(`${'a'.repeat(300)}.pdf`)).toHaveLength(200);
  });

  it('numbers a second file of a taken name', () => {
    expect(numberedDocumentName('Plan.pdf', ['plan.pdf', 'Plan (2).pdf'])).toBe('Plan (3).pdf');
  });
});
