import { chatReferenceSchema, type ChatReference } from '../app/ports/chat-sender.js';
import type { Queryable } from './database.js';

export interface ChatUser {
  upn: string;
  aadObjectId: string;
  conversationRef: ChatReference | null;
  locale: 'da' | 'en';
}

const toUser = (row: Record<string, any>): ChatUser => ({
  upn: row.upn,
  aadObjectId: row.aad_object_id,
  conversationRef: row.conversation_ref ? chatReferenceSchema.parse(row.conversation_ref) : null,
  locale: row.locale === 'en' ? 'en' : 'da',
});

export const chatUsersRepository = {
  async byUpn(db: Queryable, upn: string): Promise<ChatUser | null> {
    const [row] = await db.query('select * from chat_users where upn = $1', [upn.toLowerCase()]);
    return row ? toUser(row) : null;
  },

  async byAadObjectId(db: Queryable, aadObjectId: string): Promise<ChatUser | null> {
    const [row] = await db.query('select * from chat_users where aad_object_id = $1', [aadObjectId]);
    return row ? toUser(row) : null;
  },

  /** Learns who a person is; keeps a known chat reference unless a new one is given. */
  async upsert(db: Queryable, user: { upn: string; aadObjectId: string; conversationRef?: ChatReference; locale?: string }) {
    await db.query(
      `insert into chat_users (upn, aad_object_id, conversation_ref, locale) values ($1, $2, $3, coalesce($4, 'da'))
       on conflict (upn) do update set aad_object_id = excluded.aad_object_id,
         conversation_ref = coalesce(excluded.conversation_ref, chat_users.conversation_ref),
         locale = coalesce($4, chat_users.locale), updated_at = now()`,
      [
        user.upn.toLowerCase(),
        user.aadObjectId,
        user.conversationRef ? JSON.stringify(user.conversationRef) : null,
        user.locale ? (user.locale.toLowerCase().startsWith('en') ? 'en' : 'da') : null,
      ],
    );
  },
};
