-- A school's handlingsplan (§ 57 d, stk. 4) or udviklingsplan, with its
-- document. While a plan is registered, the conversation must cover its status.
create table school_plans (
  school_id text primary key,
  kind text not null,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null,
  content bytea not null,
  registered_by text not null,
  registered_at timestamptz not null default now()
);
