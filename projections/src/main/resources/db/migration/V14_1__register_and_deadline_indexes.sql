-- The register's filters and the deadlines page, each read through one index at a million events
-- (docs/BENCHMARKS.md): a status with a kind; a field with a ward and the receipt dates; the open
-- petitions' due dates with their reference (the register sorts by both, either way) and their kind
-- (the deadlines page counts by kind from the index alone). Each replaces the single-column index
-- it begins with, which it serves as well.
DROP INDEX petition_view_status;
CREATE INDEX petition_view_status_kind ON petition_view (status, kind);
DROP INDEX petition_view_field;
CREATE INDEX petition_view_field_ward_received_on ON petition_view (field, ward, received_on);
DROP INDEX petition_view_due_on;
CREATE INDEX petition_view_open_due_on ON petition_view (due_on, reference) INCLUDE (kind) WHERE closed_on IS NULL;
-- The petitions open on a past day and closed since (PetitionViewQueries.overdueOn).
CREATE INDEX petition_view_closed_on ON petition_view (closed_on) WHERE closed_on IS NOT NULL;
