import { describe, expect, it } from 'vitest';
import { loadCsdlModel } from '../../src/sandbox/csdl/csdl-model.js';
import { validateActionBody, validateBody } from '../../src/sandbox/csdl/csdl-body-validator.js';

const model = loadCsdlModel();

const validEvent = {
  subject: 'Skoleudviklingssamtale',
  body: { contentType: 'html', content: '<p>Dagsorden</p>' },
  start: { dateTime: '2027-03-10T09:00:00', timeZone: 'Romance Standard Time' },
  end: { dateTime: '2027-03-10T11:00:00', timeZone: 'Romance Standard Time' },
  attendees: [{ emailAddress: { address: 'a@b.dk', name: 'A' }, type: 'required' }],
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  transactionId: 'abc',
};

describe('the CSDL body check (Microsoft Graph v1.0 metadata)', () => {
  it('reads the entity, complex and enum types from Microsoft’s metadata', () => {
    expect(model.enumMembers('microsoft.graph.attendeeType')).toEqual(new Set(['required', 'optional', 'resource']));
    expect(model.type('microsoft.graph.event')?.baseType).toBe('microsoft.graph.outlookItem');
    expect(model.action('cancel', 'microsoft.graph.event')?.parameters.map((p) => p.name)).toEqual(['Comment']);
    expect(model.type('microsoft.graph.noSuchThing')).toBeUndefined();
    expect(model.propertiesOf('microsoft.graph.event').has('transactionId')).toBe(true);
    // Inherited through outlookItem and entity.
    expect(model.propertiesOf('microsoft.graph.event').has('categories')).toBe(true);
    expect(model.propertiesOf('microsoft.graph.event').has('id')).toBe(true);
  });

  it('accepts a well-formed Teams meeting event', () => {
    expect(validateBody(model, 'microsoft.graph.event', validEvent)).toEqual([]);
  });

  it('refuses an attendee type that is not in graph.attendeeType', () => {
    const violations = validateBody(model, 'microsoft.graph.event', {
      ...validEvent,
      attendees: [{ emailAddress: { address: 'a@b.dk' }, type: 'mandatory' }],
    });
    expect(violations).toHaveLength(1);
    expect(violations[0]!.path).toBe('attendees[0].type');
    expect(violations[0]!.message).toContain("'mandatory'");
  });

  it('refuses a property the type does not declare', () => {
    expect(validateBody(model, 'microsoft.graph.event', { ...validEvent, agenda: 'x' })[0]!.message).toContain(
      "'agenda' does not exist on type 'microsoft.graph.event'",
    );
  });

  it('refuses a value of the wrong primitive type', () => {
    expect(validateBody(model, 'microsoft.graph.event', { ...validEvent, isOnlineMeeting: 'yes' })[0]!.path).toBe('isOnlineMeeting');
    expect(validateBody(model, 'microsoft.graph.event', { ...validEvent, reminderMinutesBeforeStart: 1.5 })[0]!.path).toBe(
      'reminderMinutesBeforeStart',
    );
  });

  it('refuses an object where a collection is declared', () => {
    expect(validateBody(model, 'microsoft.graph.event', { ...validEvent, attendees: validEvent.attendees[0] })[0]!.message).toContain(
      'collection',
    );
  });

  it('keeps to the CSDL spelling of enum members', () => {
    expect(validateBody(model, 'microsoft.graph.event', { ...validEvent, body: { contentType: 'HTML', content: '' } })).toHaveLength(1);
  });

  it('refuses null for a non-nullable property', () => {
    expect(validateBody(model, 'microsoft.graph.event', { ...validEvent, start: { dateTime: null, timeZone: 'UTC' } })[0]!.path).toBe(
      'start.dateTime',
    );
  });

  it('allows instance annotations and follows @odata.type to a derived type', () => {
    expect(
      validateBody(model, 'microsoft.graph.driveItem', { name: 'x', folder: {}, '@microsoft.graph.conflictBehavior': 'replace' }),
    ).toEqual([]);
    expect(
      validateBody(model, 'microsoft.graph.attachment', {
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: 'a',
        contentBytes: 'AAAA',
      }),
    ).toEqual([]);
    expect(validateBody(model, 'microsoft.graph.attachment', { '@odata.type': '#microsoft.graph.user', name: 'a' })).toHaveLength(1);
  });

  it('checks bound action parameters (event.accept, driveItem.createUploadSession)', () => {
    expect(validateActionBody(model, 'accept', 'microsoft.graph.event', { SendResponse: true, Comment: 'Vi ses' })).toEqual([]);
    expect(validateActionBody(model, 'accept', 'microsoft.graph.event', { sendResponse: true })).toHaveLength(1);
    expect(validateActionBody(model, 'createUploadSession', 'microsoft.graph.driveItem', { item: { name: 'a.pdf', fileSize: 5 } })).toEqual(
      [],
    );
    expect(validateActionBody(model, 'createUploadSession', 'microsoft.graph.driveItem', { item: { size: 5 } })).toHaveLength(1);
  });
});
