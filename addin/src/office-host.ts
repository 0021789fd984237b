/// <reference types="office-js" />
import { keepTeamsMeetingBlob } from '../../src/documents/teams-meeting-blob.js';

/** The inside of our invitation's <body>: the form's body already has its own document around it. */
const ourPart = (html: string) => /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1]?.trim() ?? html;

/**
 * What the pane needs from Outlook, behind one small interface: the meeting
 * it was opened on (read for an invitee, compose for the organiser), its
 * length, the display language and theme, and Office's own sign-in. The same
 * code runs against Outlook and against the sandbox's stand-in for it.
 */
export interface MeetingItemHost {
  mode: 'read' | 'compose';
  displayLanguage: string;
  dark: boolean;
  /** Nested app authentication is available (Outlook's MSAL bridge). */
  naaSupported: boolean;
  /** The event's id in this mailbox, REST form; null for a new meeting not saved yet. */
  eventId(): Promise<string | null>;
  /** The meeting's length in minutes as the item has it now. */
  durationMinutes(): Promise<number | null>;
  /** Compose: the organiser changed the start or end. */
  onTimeChanged(handler: () => void): void;
  /** Office's SSO token for this app's API (where nested app authentication is not offered). */
  ssoToken(): Promise<string>;
  /**
   * Compose: puts the conversation's invitation into the open meeting form —
   * our part of the body before Teams' join block (which stays as Exchange
   * wrote it) and every invitee among the required attendees — so the
   * organiser's next save keeps what the app sent.
   */
  applyInvitation(invitation: { bodyHtml: string; attendees: { address: string; name: string }[] }): Promise<void>;
}

const asPromise = <T>(start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> =>
  new Promise((resolve, reject) =>
    start((result) =>
      String(result.status) === 'succeeded' ? resolve(result.value) : reject(new Error(result.error?.message ?? 'Office call failed')),
    ),
  );

const isDark = (color: string | undefined) => {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color ?? '')?.[1];
  if (!hex) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 128;
};

export function officeHost(office: typeof Office): MeetingItemHost {
  const mailbox = office.context.mailbox;
  const item = mailbox.item as Office.AppointmentRead & Office.AppointmentCompose;
  // In read mode the item has its id; in compose it is asked for (Mailbox 1.8).
  const mode: MeetingItemHost['mode'] = typeof (item as Office.AppointmentRead).itemId === 'string' ? 'read' : 'compose';
  const toRest = (id: string) => mailbox.convertToRestId(id, office.MailboxEnums.RestVersion.v2_0);
  return {
    mode,
    displayLanguage: office.context.displayLanguage ?? 'da-DK',
    dark: isDark(office.context.officeTheme?.bodyBackgroundColor),
    naaSupported: office.context.requirements?.isSetSupported?.('NestedAppAuth', '1.1') ?? false,
    async eventId() {
      if (mode === 'read') return toRest((item as Office.AppointmentRead).itemId);
      try {
        const id = await asPromise<string>((callback) => (item as Office.AppointmentCompose).getItemIdAsync(callback));
        return id ? toRest(id) : null;
      } catch {
        // A new meeting has no id until it is saved.
        return null;
      }
    },
    async durationMinutes() {
      if (mode === 'read') {
        const read = item as Office.AppointmentRead;
        return Math.round((read.end.getTime() - read.start.getTime()) / 60_000);
      }
      const compose = item as Office.AppointmentCompose;
      const [start, end] = await Promise.all([
        asPromise<Date>((callback) => compose.start.getAsync(callback)),
        asPromise<Date>((callback) => compose.end.getAsync(callback)),
      ]);
      return Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60_000);
    },
    onTimeChanged(handler) {
      if (mode !== 'compose') return;
      (item as Office.AppointmentCompose).addHandlerAsync?.(office.EventType.AppointmentTimeChanged, () => handler());
    },
    ssoToken: () => office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false }),
    async applyInvitation(invitation) {
      if (mode !== 'compose') throw new Error('Only the organiser’s meeting form can be changed');
      const compose = item as Office.AppointmentCompose;
      const html = office.CoercionType.Html;
      const current = await asPromise<string>((callback) => compose.body.getAsync(html, callback));
      const body = keepTeamsMeetingBlob(current, ourPart(invitation.bodyHtml));
      await asPromise<void>((callback) => compose.body.setAsync(body, { coercionType: html }, callback));
      const present = await asPromise<Office.EmailAddressDetails[]>((callback) => compose.requiredAttendees.getAsync(callback));
      const known = new Set(present.map((a) => a.emailAddress.toLowerCase()));
      const missing = invitation.attendees.filter((a) => !known.has(a.address.toLowerCase()));
      if (missing.length > 0)
        await asPromise<void>((callback) =>
          compose.requiredAttendees.addAsync(
            missing.map((a) => ({ emailAddress: a.address, displayName: a.name }) as Office.EmailAddressDetails),
            callback,
          ),
        );
    },
  };
}
