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
});
