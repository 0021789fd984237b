import type { GraphCall } from './graph-call.js';
import type { MailMessage } from '../app/ports/mailer.js';

/** Mail sent from a person's mailbox (application permission Mail.Send), kept in their Sent Items. */
export const mailRequests = {
  sendMail: (fromUpn: string, message: MailMessage): GraphCall<void> => ({
    method: 'POST',
    url: `/users/${encodeURIComponent(fromUpn)}/sendMail`,
    // The metadata spells the action's parameters Message and SaveToSentItems.
    body: {
      Message: {
        subject: message.subject,
        body: { contentType: 'html', content: message.bodyHtml },
        toRecipients: message.to.map((r) => ({ emailAddress: { address: r.address, name: r.name } })),
      },
      SaveToSentItems: true,
    },
    parse: () => undefined,
  }),
};
