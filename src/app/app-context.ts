import type { Database } from '../store/database.js';
import type { Organisation } from '../domain/organisation.js';
import type { Template } from '../domain/template.js';
import type { DirectoryUser } from '../m365/directory-requests.js';
import type { AttendeeResponse } from '../m365/calendar-requests.js';

/** Finds people in the tenant (Graph /users, or the sandbox's). */
export interface Directory {
  getUser(upn: string): Promise<DirectoryUser | null>;
  search(text: string): Promise<DirectoryUser[]>;
}

/** Reads invitees' answers from the organiser's Outlook event. */
export interface CalendarReader {
  attendeeResponses(organizerUpn: string, eventId: string): Promise<AttendeeResponse[]>;
}

/** What every use case may use. Built once at start-up; tests build their own. */
export interface AppContext {
  db: Database;
  organisation: Organisation;
  templates: Template[];
  directory: Directory;
  calendar: CalendarReader;
  now: () => Date;
  /** Tells the job runner new work is waiting, so it starts without a poll delay. */
  wakeJobs: () => void;
}
