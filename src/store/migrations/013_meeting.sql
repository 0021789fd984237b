-- The live agenda during the meeting: one run per conversation, the clock's
-- state as the domain keeps it, versioned so concurrent presses serialise.
create table meeting_runs (
  conversation_id uuid primary key references conversations(id) on delete cascade,
  state jsonb not null,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- The Teams meeting behind the Outlook event, by Graph's ids (never by parsing join links):
-- the online meeting, its chat's thread id, and the app's installation and tab in that chat.
alter table m365_links add column online_meeting_id text;
alter table m365_links add column chat_thread_id text;
alter table m365_links add column meeting_app_installed_at timestamptz;
alter table m365_links add column meeting_tab_id text;
alter table m365_links add column meeting_started_at timestamptz;
create unique index m365_links_chat_thread on m365_links (chat_thread_id) where chat_thread_id is not null;
