-- A fencing token per claim: a worker whose lease was taken over (it stalled
-- past its lease) cannot record an outcome for the new holder's run.
alter table jobs add column lease_token text;
