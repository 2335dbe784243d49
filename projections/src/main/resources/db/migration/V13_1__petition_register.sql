-- The register (/petitions): a petition found by words of its summary or of its petitioners' names,
-- typed with or without diacritics ("dat dai" finds "Đất đai"), sorted by due date, filtered by field
-- or ward, each through an index, so that a page of it stays fast with a million events stored.

-- In the schema Flyway migrates (unaccent is a trusted extension: the database's owner may create it).
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA ${flyway:defaultSchema};

-- Text folded for searching: diacritics removed (đ to d too), lower case. IMMUTABLE so that an index
-- can hold it; every name in it is schema-qualified, so that it reads the same in every session
-- (autovacuum's and a rebuild's included) and PostgreSQL can inline it (a SET clause would forbid that,
-- and made the names index take twice as long to build).
CREATE FUNCTION petition_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT lower(${flyway:defaultSchema}.unaccent('${flyway:defaultSchema}.unaccent'::regdictionary, $1)) $$;

-- The petitioners' full names, folded, as one text: what a search by name reads (never their
-- addresses, ID numbers or phones).
CREATE FUNCTION petition_names(jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT ${flyway:defaultSchema}.petition_fold(CAST(jsonb_path_query_array($1, '$[*].fullName') AS text)) $$;

CREATE INDEX petition_view_summary_words ON petition_view
    USING gin (to_tsvector('simple', petition_fold(summary)));
CREATE INDEX petition_view_petitioner_names ON petition_view
    USING gin (to_tsvector('simple', petition_names(petitioners)));
-- Sorting by due date, either way, whatever the status (petition_view_due_on holds the open ones only).
CREATE INDEX petition_view_due_on_reference ON petition_view (due_on, reference);
-- The kind and channel filters: a narrow selection is found through these (and the status index),
-- counted, then sorted (PetitionViewQueries.register).
CREATE INDEX petition_view_kind ON petition_view (kind);
CREATE INDEX petition_view_channel ON petition_view (channel);
-- The field and ward filters, and their lists of choices (read by skipping from one value to the next).
CREATE INDEX petition_view_field ON petition_view (field);
CREATE INDEX petition_view_ward ON petition_view (ward) WHERE ward IS NOT NULL;
