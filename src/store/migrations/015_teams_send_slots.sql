-- Teams' limits for the bot held across server instances: every message takes a
-- slot on one shared timeline per tenant (a slot holds one message), and each
-- chat's own windows are checked against its reserved slots
-- (src/m365/teams-send-slots.ts, src/store/send-slots-repository.ts).
create table teams_send_slots (
  tenant_id text not null,
  slot bigint not null,
  conversation_id text not null,
  primary key (tenant_id, slot)
);
create index teams_send_slots_conversation on teams_send_slots (tenant_id, conversation_id, slot);
