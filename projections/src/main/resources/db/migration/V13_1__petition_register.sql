-- The register (/petitions): a petition found by words of its summary or of its petitioners' names,
-- typed with or without diacritics ("dat dai" finds "Đất đai"), sorted by due date, filtered by field
-- or ward, each through an index, so that a page of it stays fast with a million events stored.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Text folded for searching: diacritics removed (đ to d too), lower case. Declared IMMUTABLE so that
-- an index can hold it; its search_path is fixed, so that it reads the same in every session,
-- autovacuum's and a rebuild's included.
CREATE FUNCTION petition_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = ${flyway:defaultSchema}, pg_catalog
    AS $$ SELECT lower(unaccent('unaccent'::regdictionary, $1)) $$;

-- The petitioners' full names, folded, as one text: what a search by name reads.
CREATE FUNCTION petition_names(jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = ${flyway:defaultSchema}, pg_catalog
    AS $$ SELECT petition_fold(CAST(jsonb_path_query_array($1, '$[*].fullName') AS text)) $$;

CREATE INDEX petition_view_summary_words ON petition_view
    USING gin (to_tsvector('simple', petition_fold(summary)));
CREATE INDEX petition_view_petitioner_names ON petition_view
    USING gin (to_tsvector('simple', petition_names(petitioners)));
-- Sorting by due date, either way, whatever the status (petition_view_due_on holds the open ones only).
CREATE INDEX petition_view_due_on_reference ON petition_view (due_on, reference);
-- The field and ward filters, and their lists of choices (read by skipping from one value to the next).
CREATE INDEX petition_view_field ON petition_view (field);
CREATE INDEX petition_view_ward ON petition_view (ward) WHERE ward IS NOT NULL;
