-- The Teams bot: who we can reach in chat, what we sent them (a durable
-- outbox, one row per message, idempotent by key), reflection rounds with
-- their answers, preparation answers and the meeting evaluation.
create table chat_users (
  upn text primary key,
  aad_object_id text not null unique,
  -- The Bot Framework conversation reference of the person's 1:1 chat with the bot.
  conversation_ref jsonb,
  locale text not null default 'da',
  updated_at timestamptz not null default now()
);

create table chat_outbox (
  id bigserial primary key,
  key text not null unique,
  upn text not null,
  kind text not null,
  conversation_id uuid references conversations(id) on delete cascade,
  payload jsonb not null,
  status text not null default 'pending',
  activity_id text,
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index chat_outbox_conversation on chat_outbox (conversation_id);

create table reflection_rounds (
  id text primary key,
  conversation_id uuid not null references conversations(id) on delete cascade,
  item_key text not null,
  status text not null,
  minutes integer not null,
  invited_upns jsonb not null,
  speaking_order jsonb not null default '[]',
  opened_by text not null,
  opened_at timestamptz not null,
  revealed_at timestamptz,
  closed_at timestamptz,
  version integer not null default 1
);
create index reflection_rounds_conversation on reflection_rounds (conversation_id);
-- At most one unfinished round per agenda item.
create unique index reflection_rounds_one_open on reflection_rounds (conversation_id, item_key) where status <> 'closed';

create table reflection_answers (
  round_id text not null references reflection_rounds(id) on delete cascade,
  upn text not null,
  text text not null,
  answered_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (round_id, upn)
);

create table preparation_answers (
  conversation_id uuid not null references conversations(id) on delete cascade,
  upn text not null,
  answers jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (conversation_id, upn)
);

create table evaluations (
  conversation_id uuid not null references conversations(id) on delete cascade,
  upn text not null,
  went_well text not null,
  adjust text not null,
  carry_forward text not null,
  rating integer not null check (rating between 1 and 5),
  answered_at timestamptz not null default now(),
  primary key (conversation_id, upn)
);
