-- The municipality's year: why a school had no conversation (for the committee's briefing),
-- and each version of the briefing saved to SharePoint.
create table season_notes (
  school_year text not null,
  school_id text not null,
  reason text not null,
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (school_year, school_id)
);

create table briefings (
  school_year text not null,
  version integer not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  status text not null default 'pending',
  drive_item_id text,
  web_url text,
  last_error text,
  primary key (school_year, version)
);
