-- A data-package file can be removed or replaced after it reached SharePoint.
-- Removal is kept as a mark until the sync job has deleted the SharePoint
-- item (Graph may be down); a replaced file keeps its item (same link) and
-- waits for its new content to be sent.
alter table documents add column removed_at timestamptz;
alter table documents add column replaced boolean not null default false;
