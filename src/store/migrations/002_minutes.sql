-- Minutes in the common template, edited by the school leader and the minute
-- taker; the version guards against lost updates. public_id is the stable,
-- unguessable address of the published note.
create table minutes (
  conversation_id uuid primary key references conversations(id) on delete cascade,
  content jsonb not null,
  version integer not null,
  updated_by text not null,
  updated_at timestamptz not null default now(),
  approved_by text,
  approved_at timestamptz,
  public_id text unique,
  internal_web_url text,
  public_docx_web_url text,
  -- Where the school published the note on its own website.
  website_url text
);
