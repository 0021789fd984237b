import { describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { officeHost } from '../../addin/src/office-host.js';

/** The pane's Office interactions, against Microsoft's mock of the Office JavaScript API, in read and compose modes. */
const succeeded = <T>(value: T) => ({ status: 'succeeded', value });
const common = (item: Record<string, unknown>) => ({
  // Outlook's objects need no load/sync, and the mock behaves so for host "outlook".
  host: 'outlook',
  context: {
    displayLanguage: 'da-DK',
    officeTheme: { bodyBackgroundColor: '#1f1f1f' },
    requirements: { isSetSupported: (name: string) => name === 'NestedAppAuth' },
    mailbox: {
      item,
      // Outlook turns an EWS id into the REST form Graph uses ('/' → '-', '+' → '_').
      convertToRestId: (id: string) => id.replace(/\//g, '-').replace(/\+/g, '_'),
    },
  },
  MailboxEnums: { RestVersion: { v2_0: 'v2.0' } },
  EventType: { AppointmentTimeChanged: 'appointmentTimeChanged' },
  CoercionType: { Html: 'html', Text: 'text' },
  auth: { getAccessToken: async () => 'office-sso-token' },
});

describe('the Outlook host for the add-in', () => {
  it('reads an invitee’s meeting: REST id, length, language and dark theme', async () => {
    const office = new OfficeMockObject(
      common({
        itemId: 'AAMkAD/abc+def=',
        start: new Date('2027-03-10T08:00:00Z'),
        end: new Date('2027-03-10T10:00:00Z'),
      }),
    ) as unknown as typeof Office;
    const host = officeHost(office);
    expect(host.mode).toBe('read');
    expect(await host.eventId()).toBe('AAMkAD-abc_def=');
    expect(await host.durationMinutes()).toBe(120);
    expect(host.displayLanguage).toBe('da-DK');
    expect(host.dark).toBe(true);
    expect(host.naaSupported).toBe(true);
    expect(await host.ssoToken()).toBe('office-sso-token');
  });

  it('reads the organiser’s meeting in compose mode, and tells when its time changes', async () => {
    let timeChanged: (() => void) | null = null;
    let end = new Date('2027-03-10T10:00:00Z');
    const office = new OfficeMockObject(
      common({
        getItemIdAsync: (callback: (r: unknown) => void) => callback(succeeded('AAMkAD/organiser')),
        start: { getAsync: (callback: (r: unknown) => void) => callback(succeeded(new Date('2027-03-10T08:00:00Z'))) },
        end: { getAsync: (callback: (r: unknown) => void) => callback(succeeded(end)) },
        addHandlerAsync: (_type: string, handler: () => void) => (timeChanged = handler),
      }),
    ) as unknown as typeof Office;
    const host = officeHost(office);
    expect(host.mode).toBe('compose');
    expect(await host.eventId()).toBe('AAMkAD-organiser');
    expect(await host.durationMinutes()).toBe(120);
    let told = 0;
    host.onTimeChanged(() => told++);
    end = new Date('2027-03-10T10:30:00Z');
    timeChanged!();
    expect(told).toBe(1);
    expect(await host.durationMinutes()).toBe(150);
  });

  it('has no id for a new meeting that is not saved yet', async () => {
    const office = new OfficeMockObject(
      common({
        getItemIdAsync: (callback: (r: unknown) => void) => callback({ status: 'failed', error: { message: 'ItemNotSaved' } }),
        start: { getAsync: () => undefined },
        end: { getAsync: () => undefined },
      }),
    ) as unknown as typeof Office;
    expect(await officeHost(office).eventId()).toBeNull();
  });

  it('puts the invitation into the organiser’s open meeting form, keeping Teams’ join block and the attendees already there', async () => {
    const teamsBlock =
      '<div style="width:100%"><span>' +
      '_'.repeat(80) +
      '</span></div><div class="me-email-text"><a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0">Deltag i mødet nu</a></div>';
    let body = `<html><body><p>Min egen note</p>${teamsBlock}</body></html>`;
    const attendees = [{ emailAddress: 'jonas.kjaer@sohavn.example', displayName: 'Jonas Kjær' }];
    const office = new OfficeMockObject(
      common({
        getItemIdAsync: (callback: (r: unknown) => void) => callback(succeeded('AAMkAD/organiser')),
        start: { getAsync: () => undefined },
        end: { getAsync: () => undefined },
        body: {
          getAsync: (coercion: string, callback: (r: unknown) => void) => callback(succeeded(coercion === 'html' ? body : 'text')),
          setAsync: (data: string, options: { coercionType: string }, callback: (r: unknown) => void) => {
            expect(options.coercionType).toBe('html');
            body = data;
            callback(succeeded(undefined));
          },
        },
        requiredAttendees: {
          getAsync: (callback: (r: unknown) => void) => callback(succeeded(attendees)),
          addAsync: (added: typeof attendees, callback: (r: unknown) => void) => {
            attendees.push(...added);
            callback(succeeded(undefined));
          },
        },
      }),
    ) as unknown as typeof Office;
    await officeHost(office).applyInvitation({
      bodyHtml: '<html><body>\n<p>Dagsorden for Bakkeskolen</p>\n</body></html>',
      attendees: [
        { address: 'anders.holm@sohavn.example', name: 'Anders Holm' },
        { address: 'JONAS.KJAER@sohavn.example', name: 'Jonas Kjær' },
      ],
    });
    expect(body.startsWith('<p>Dagsorden for Bakkeskolen</p>')).toBe(true);
    expect(body).toContain('https://teams.microsoft.com/l/meetup-join/');
    expect(body).toContain('_'.repeat(80));
    expect(body).not.toContain('<html><body><html>');
    expect(attendees.map((a) => a.emailAddress)).toEqual(['jonas.kjaer@sohavn.example', 'anders.holm@sohavn.example']);
  });

  it('refuses to change a meeting the person only reads', async () => {
    const office = new OfficeMockObject(common({ itemId: 'AAMkAD/copy', start: new Date(), end: new Date() })) as unknown as typeof Office;
    await expect(officeHost(office).applyInvitation({ bodyHtml: '<p>x</p>', attendees: [] })).rejects.toThrow();
  });
});
