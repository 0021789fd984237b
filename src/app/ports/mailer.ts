export interface MailMessage {
  subject: string;
  bodyHtml: string;
  to: { address: string; name: string }[];
}

/** Mail from a person's own mailbox (kept in their Sent Items), for those the bot cannot reach. */
export interface Mailer {
  send(fromUpn: string, message: MailMessage): Promise<void>;
}
