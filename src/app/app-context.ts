import type { Database } from '../store/database.js';
import type { Organisation } from '../domain/organisation.js';
import type { Template } from '../domain/template.js';
import type { Directory } from './ports/directory.js';
import type { CalendarGateway } from './ports/calendar-gateway.js';
import type { DocumentLibrary } from './ports/document-library.js';
import type { Mailer } from './ports/mailer.js';
import type { ChatSender, PersonalChats } from './ports/chat-sender.js';
import type { AppLinks } from './app-links.js';
import type { MeetingSpace } from './ports/meeting-space.js';
import type { Lexicon } from '../domain/publication-guard/lexicon.js';

/**
 * What every use case may use: the database, the municipality's catalogue,
 * the ports to Microsoft 365, the clock. Built once by the composition root
 * (src/compose.ts); unit tests build their own with in-memory fakes.
 */
export interface AppContext {
  db: Database;
  organisation: Organisation;
  templates: Template[];
  directory: Directory;
  calendar: CalendarGateway;
  library: DocumentLibrary;
  mailer: Mailer;
  chat: ChatSender;
  personalChats: PersonalChats;
  meetingSpace: MeetingSpace;
  links: AppLinks;
  /** The Danish dictionary for the publication guard; read the first time it is asked for. */
  lexicon: () => Lexicon;
  now: () => Date;
  /** Tells the job runner new work is waiting, so it starts without a poll delay. */
  wakeJobs: () => void;
  /** Admission control: conversations waiting for Microsoft 365 beyond which new plans are turned away (503). */
  limits: { planBacklog: number };
}
