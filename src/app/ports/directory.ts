/** A person in the tenant's directory (Entra ID), as the product uses them. */
export interface DirectoryUser {
  /** Entra object id (oid). */
  id: string;
  displayName: string;
  upn: string;
  mail: string;
  jobTitle: string;
}

/** Finds people in the tenant: to invite them, to show names, to reach them in chat. */
export interface Directory {
  /** By UPN, mail or object id; null when there is no such person. */
  getUser(idOrUpn: string): Promise<DirectoryUser | null>;
  search(text: string): Promise<DirectoryUser[]>;
}
