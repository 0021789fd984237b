-- A job asked for again while it runs (a second file uploaded while the
-- first sync is under way) must run once more after it finishes: the running
-- run may have read the state before the new request.
alter table jobs add column rerun boolean not null default false;
