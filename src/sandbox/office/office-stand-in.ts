/**
 * A development stand-in for Outlook's office.js, for the sandbox's mailbox
 * page: `Office.context.mailbox.item` built from that mailbox's copy of the
 * event (read for an invitee, compose for the organiser), Office's SSO token
 * for the person, and the time-changed event when the organiser edits the end.
 * The add-in's code cannot tell it from Outlook; it holds no product logic.
 */
interface Recipient {
  emailAddress: string;
  displayName: string;
}

interface StandInConfig {
  mode: 'read' | 'compose';
  itemId: string;
  mailbox: string;
  bodyHtml: string;
  attendees: Recipient[];
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
/** office.js methods take (…, options?, callback?): the callback is the last function given. */
const callbackOf = <T>(args: unknown[]) => args.find((a): a is Callback<T> => typeof a === 'function');

// The open meeting form's own copy of body and attendees, as Outlook keeps it until the organiser saves.
let bodyHtml = config.bodyHtml;
const attendees: Recipient[] = [...config.attendees];
const changed = () => window.parent.postMessage({ type: 'sandbox-item-changed' }, location.origin);

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
        body: {
          getAsync: (_coercion: string, ...rest: unknown[]) => callbackOf<string>(rest)?.(succeeded(bodyHtml)),
          setAsync: (data: string, ...rest: unknown[]) => {
            bodyHtml = data;
            changed();
            callbackOf<undefined>(rest)?.(succeeded(undefined));
          },
          prependAsync: (data: string, ...rest: unknown[]) => {
            bodyHtml = data + bodyHtml;
            changed();
            callbackOf<undefined>(rest)?.(succeeded(undefined));
          },
        },
        requiredAttendees: {
          getAsync: (...rest: unknown[]) => callbackOf<Recipient[]>(rest)?.(succeeded(attendees.map((a) => ({ ...a })))),
          addAsync: (recipients: (Recipient | string)[], ...rest: unknown[]) => {
            for (const r of recipients) {
              const recipient = typeof r === 'string' ? { emailAddress: r, displayName: r } : r;
              if (!attendees.some((a) => a.emailAddress.toLowerCase() === recipient.emailAddress.toLowerCase())) attendees.push(recipient);
            }
            changed();
            callbackOf<undefined>(rest)?.(succeeded(undefined));
          },
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
  CoercionType: { Html: 'html', Text: 'text' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  auth: { getAccessToken: () => Promise.resolve(config.token) },
};

/** The organiser saves the form: Outlook writes body and attendees to Exchange, which sends the update. */
async function save(): Promise<void> {
  const response = await fetch(`/sandbox/mail/${encodeURIComponent(config.mailbox)}/events/${encodeURIComponent(config.itemId)}/save`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ bodyHtml, attendees: attendees.map((a) => ({ address: a.emailAddress, name: a.displayName })) }),
  });
  const answer = (await response.json().catch(() => ({}))) as { message?: string };
  window.parent.postMessage({ type: 'sandbox-saved', ok: response.ok, message: answer.message }, location.origin);
}

// The page around the pane is Outlook's meeting form: the organiser edits the end (AppointmentTimeChanged) or saves.
window.addEventListener('message', (event) => {
  const data = event.data as { type?: string; from?: string; to?: string };
  if (event.origin !== location.origin) return;
  if (data?.type === 'sandbox-save') return void save();
  if (data?.type !== 'sandbox-time-changed' || !data.from || !data.to) return;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  end = new Date(end.getTime() + (minutes(data.to) - minutes(data.from)) * 60_000);
  for (const handler of timeHandlers) handler({ type: 'appointmentTimeChanged' });
});
