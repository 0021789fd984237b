-- Agreements made at approved conversations, followed up at the school's next
-- conversations until the school leader marks them done or dropped.
create table agreements (
  id uuid primary key,
  conversation_id uuid not null references conversations(id) on delete cascade,
  school_id text not null,
  what text not null,
  owner text not null,
  due_date date,
  follow_up_date date,
  status text not null default 'open',
  status_updated_by text,
  status_updated_at timestamptz,
  made_at timestamptz not null
);
create index agreements_school on agreements (school_id, made_at);
