-- Who a token's object id is, as the directory last said: a sign-in still
-- works while Graph is briefly unreachable, for everyone seen before.
create table people (
  tid text not null,
  oid text not null,
  upn text not null,
  display_name text not null,
  refreshed_at timestamptz not null default now(),
  primary key (tid, oid)
);
