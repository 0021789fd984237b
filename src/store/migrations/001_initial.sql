-- Conversations keep a snapshot of the template they were planned from, so a
-- later change to the municipality's template never rewrites a held meeting.
create table conversations (
  id uuid primary key,
  idempotency_key text not null unique,
  municipality text not null,
  school_id text not null,
  school_name text not null,
  school_year text not null,
  organizer_upn text not null,
  school_leader_upn text not null,
  template jsonb not null,
  theme text not null,
  extra_topics jsonb not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status text not null,
  development_areas text not null default '',
  learning_focus text not null default '',
  agenda_sent_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One conversation per school per start time: a plan sent twice from two
-- dialogs (no shared idempotency key) still becomes one conversation.
create unique index conversations_school_start on conversations (school_id, starts_at);

create table participants (
  conversation_id uuid not null references conversations(id) on delete cascade,
  upn text not null,
  display_name text not null,
  role text not null,
  response text not null default 'none',
  position integer not null,
  primary key (conversation_id, upn)
);
create index participants_upn on participants (lower(upn));

-- What the Microsoft 365 side knows of a conversation: ids and links the
-- sync job learned, so a retry continues where the last attempt stopped.
create table m365_links (
  conversation_id uuid primary key references conversations(id) on delete cascade,
  event_id text,
  event_web_link text,
  join_url text,
  folder_item_id text,
  folder_web_url text,
  agenda_item_id text,
  agenda_web_url text,
  -- Hash of the invitation last sent to Graph: the event is patched only when it changes.
  invitation_hash text,
  event_cancelled_at timestamptz,
  responses_synced_at timestamptz
);

-- Data-package files are kept here until SharePoint has them: nothing a user
-- uploads is lost when Graph is down.
create table documents (
  id uuid primary key,
  conversation_id uuid not null references conversations(id) on delete cascade,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null,
  content bytea not null,
  drive_item_id text,
  web_url text,
  uploaded_by text not null,
  created_at timestamptz not null default now(),
  unique (conversation_id, file_name)
);

create table side_effects (
  conversation_id uuid not null references conversations(id) on delete cascade,
  kind text not null,
  status text not null,
  error_code text,
  attempts integer not null default 0,
  -- The conversation version the pending request needs; a job that synced an
  -- older version must not report it done.
  requested_version integer not null default 0,
  updated_at timestamptz not null default now(),
  primary key (conversation_id, kind)
);

-- Durable jobs. group_key serialises work on one conversation across server
-- instances; key makes enqueueing idempotent.
create table jobs (
  id integer generated always as identity primary key,
  kind text not null,
  key text not null unique,
  group_key text not null,
  payload jsonb not null,
  status text not null default 'queued',
  attempts integer not null default 0,
  max_attempts integer not null default 10,
  run_after timestamptz not null default now(),
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index jobs_ready on jobs (status, run_after);
create index jobs_group on jobs (group_key, status);
