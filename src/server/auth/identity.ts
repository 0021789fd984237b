/**
 * Who a valid token says the caller is: the object id and tenant, the only
 * claims Microsoft says to authorise on (preferred_username and upn can
 * change and be reused). The raw token is kept for On-Behalf-Of calls.
 */
export interface TokenIdentity {
  oid: string;
  tid: string;
  /** The token itself, for asking Graph on the person's behalf. */
  token: string;
}

/** The person behind a token, as the directory knows them now. */
export interface Identity {
  oid: string;
  tid: string;
  /** From the directory (by oid), never from the token. */
  upn: string;
  displayName: string;
}

export interface Authenticator {
  /** Verifies the bearer token; null when there is none or it is not valid. */
  authenticate(authorizationHeader: string | undefined): Promise<TokenIdentity | null>;
}
