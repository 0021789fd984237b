/**
 * A development stand-in for Outlook's office.js, for the sandbox's mailbox
 * page: `Office.context.mailbox.item` built from that mailbox's copy of the
 * event (read for an invitee, compose for the organiser), Office's SSO token
 * for the person, and the time-changed event when the organiser edits the end.
 * The add-in's code cannot tell it from Outlook; it holds no product logic.
 */
interface StandInConfig {
  mode: 'read' | 'compose';
  itemId: string;
  subject: string;
  start: string;
  end: string;
  displayLanguage: string;
  token: string;
}

const config = JSON.parse(document.getElementById('office-stand-in')!.textContent!) as StandInConfig;
const start = new Date(config.start);
let end = new Date(config.end);
const timeHandlers: ((event: { type: string }) => void)[] = [];
const succeeded = <T>(value: T) => ({ status: 'succeeded', value });
type Callback<T> = (result: { status: string; value: T }) => void;

const item =
  config.mode === 'read'
    ? { itemId: config.itemId, subject: config.subject, start, end, itemType: 'appointment' }
    : {
        itemType: 'appointment',
        getItemIdAsync: (callback: Callback<string>) => callback(succeeded(config.itemId)),
        start: { getAsync: (callback: Callback<Date>) => callback(succeeded(start)) },
        end: { getAsync: (callback: Callback<Date>) => callback(succeeded(end)) },
        addHandlerAsync: (_type: string, handler: (event: { type: string }) => void, callback?: Callback<undefined>) => {
          timeHandlers.push(handler);
          callback?.(succeeded(undefined));
        },
      };

(window as unknown as { Office: unknown }).Office = {
  onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
  context: {
    displayLanguage: config.displayLanguage,
    officeTheme: { bodyBackgroundColor: '#ffffff' },
    requirements: { isSetSupported: (name: string) => name === 'Mailbox' },
    mailbox: { item, convertToRestId: (id: string) => id },
  },
  MailboxEnums: { RestVersion: { v2_0: 'v2.0' } },
  EventType: { AppointmentTimeChanged: 'appointmentTimeChanged' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  auth: { getAccessToken: () => Promise.resolve(config.token) },
};

// The organiser edits the meeting's end in the page around the pane: Outlook would raise AppointmentTimeChanged.
window.addEventListener('message', (event) => {
  const data = event.data as { type?: string; from?: string; to?: string };
  if (event.origin !== location.origin || data?.type !== 'sandbox-time-changed' || !data.from || !data.to) return;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  end = new Date(end.getTime() + (minutes(data.to) - minutes(data.from)) * 60_000);
  for (const handler of timeHandlers) handler({ type: 'appointmentTimeChanged' });
});
