import type { Mailer } from '../app/ports/mailer.js';
import type { GraphExecutor } from './graph-executor.js';
import { mailRequests } from './mail-requests.js';

/** Mail through Graph sendMail from a person's mailbox (application permission Mail.Send, scoped to the senders). */
export const graphMailer = (graph: GraphExecutor): Mailer => ({
  send: (fromUpn, message) => graph.send(mailRequests.sendMail(fromUpn, message)),
});
