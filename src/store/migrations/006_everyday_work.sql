-- Everyday work: who has actually been sent the invitation, guests from
-- outside the tenant, what a plan request looked like (so a reused
-- idempotency key with another body is refused), the first-conversation
-- answer for § 40 a requirement 5, and drafts that keep unsaved text.
alter table participants add column external boolean not null default false;
alter table participants add column invited boolean not null default false;
update participants p set invited = true
  where p.role in ('municipalLead', 'schoolLeader')
     or exists (select 1 from conversations c where c.id = p.conversation_id and c.agenda_sent_at is not null);

alter table conversations add column request_hash text;
alter table conversations add column first_conversation boolean not null default false;

create table drafts (
  conversation_id uuid not null references conversations(id) on delete cascade,
  upn text not null,
  kind text not null,
  content jsonb not null,
  -- The saved version the draft was written on, so a newer save can be told apart.
  based_on_version integer not null,
  updated_at timestamptz not null default now(),
  primary key (conversation_id, upn, kind)
);

-- Where the conversation's folder is, once SharePoint has it: a moved conversation renames its folder.
alter table m365_links add column folder_path jsonb;
