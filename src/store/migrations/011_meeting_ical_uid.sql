-- The meeting's iCalendar UID, which the organiser's event and every
-- invitee's copy share: the Outlook add-in finds the conversation from it,
-- whichever mailbox's copy it was opened on.
alter table m365_links add column ical_uid text;
create index m365_links_ical_uid on m365_links (ical_uid);
