/** The signed-in person, as the token says. */
export interface Identity {
  upn: string;
  displayName: string;
}

export interface Authenticator {
  /** Verifies the bearer token; null when there is none or it is not valid. */
  authenticate(authorizationHeader: string | undefined): Promise<Identity | null>;
}
