-- Seals made once per cluster and computed from the last one on (docs/AUDIT.md, "Seals").
-- merkle_peaks: the roots of the perfect subtrees of the seal's Merkle tree, largest first, in hex,
-- separated by spaces; the next seal grows the tree from them. Null for the seals made before.
ALTER TABLE audit_seal ADD COLUMN merkle_peaks TEXT;

-- The seal each one follows (none for the first): at most one follows another, so two seals never
-- cover the same new events, whichever instances made them.
ALTER TABLE audit_seal ADD COLUMN previous_seal_id BIGINT REFERENCES audit_seal (id);
UPDATE audit_seal s SET previous_seal_id = (SELECT max(p.id) FROM audit_seal p WHERE p.id < s.id);
CREATE UNIQUE INDEX audit_seal_follows_one ON audit_seal (previous_seal_id) NULLS NOT DISTINCT;
