-- The municipality's own words to the participants when a conversation is
-- cancelled; the sync job puts them in Outlook's cancellation, which may
-- happen later than the click (retries), so the words are kept here.
alter table conversations add column cancellation_message text not null default '';
