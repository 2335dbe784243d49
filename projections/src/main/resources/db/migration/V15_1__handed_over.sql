-- What the citizen handed over with the petition (title, pages, original or copy), as its receipt
-- lists it; empty for the petitions received before receipts listed it.
ALTER TABLE petition_view ADD COLUMN handed_over JSONB NOT NULL DEFAULT '[]';
