-- Deadlines: the handling deadline set on receipt, the resolution deadline set on acceptance and
-- moved by extensions. due_on is the deadline that governs the petition now.
ALTER TABLE petition_view ADD COLUMN handling_due_on DATE;
CREATE INDEX petition_view_due_on ON petition_view (due_on) WHERE closed_on IS NULL;

ALTER TABLE count_petition ADD COLUMN due_on DATE;
