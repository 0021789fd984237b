import type { SandboxState } from '../sandbox-state.js';
import type { CsdlModel } from '../csdl/csdl-model.js';

export interface GraphRequest {
  method: string;
  /** Path below /v1.0, e.g. "/users/x/events". */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined. */
  json: unknown;
  /** Raw body for binary uploads. */
  raw: Buffer | null;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  binary?: { content: Buffer; contentType: string };
}

export interface SandboxGraphContext {
  state: SandboxState;
  model: CsdlModel;
  /** Where the sandbox is reachable, for webUrl, joinUrl and upload URLs. */
  publicUrl: string;
  driveId: string;
  /** The one app in the sandbox's app catalog: ours, with its bot. */
  teamsApp: { id: string; botId: string; displayName: string };
  /** Teams tells the bot when it is installed for someone; the sandbox's connector does the same. */
  onAppInstalled?: (chat: import('../sandbox-state.js').SandboxChat) => void;
  /** Mailboxes whose free/busy Exchange will not give (lower-case addresses), switchable per test. */
  unreadableCalendars: Set<string>;
}

/** An error in Graph's own shape: {"error":{"code","message","innerError"}}. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function graphErrorResponse(error: GraphHttpError): GraphResponse {
  return {
    status: error.status,
    headers: { 'Content-Type': 'application/json', ...error.headers },
    body: {
      error: {
        code: error.code,
        message: error.message,
        innerError: { date: new Date().toISOString(), 'request-id': crypto.randomUUID(), 'client-request-id': crypto.randomUUID() },
      },
    },
  };
}

export const nowIso = () => new Date().toISOString();
