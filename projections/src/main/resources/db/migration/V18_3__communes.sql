-- Many communes on one database (docs/DEPLOYMENT.md, "Many communes"): every read model row names its
-- commune, and PostgreSQL's row-level security keeps a request on its account's communes' rows.
--
-- The rows stored before are the configured commune's (petition.commune.code, given to Flyway as the
-- placeholder default_commune; blank when none is configured), as are the events that carry none.
-- The column keeps no default: a handler that forgot it fails instead of filing a row under the wrong
-- commune.
ALTER TABLE petition_view ADD COLUMN commune VARCHAR(5) NOT NULL DEFAULT '${default_commune}';
ALTER TABLE count_petition ADD COLUMN commune VARCHAR(5) NOT NULL DEFAULT '${default_commune}';
ALTER TABLE count_mediation ADD COLUMN commune VARCHAR(5) NOT NULL DEFAULT '${default_commune}';
ALTER TABLE count_fact ADD COLUMN commune VARCHAR(5) NOT NULL DEFAULT '${default_commune}';
ALTER TABLE reception_session ADD COLUMN commune VARCHAR(5) NOT NULL DEFAULT '${default_commune}';
ALTER TABLE reception_visit ADD COLUMN commune VARCHAR(5) NOT NULL DEFAULT '${default_commune}';
ALTER TABLE one_stop_dossier ADD COLUMN commune VARCHAR(5) NOT NULL DEFAULT '${default_commune}';
ALTER TABLE petition_view ALTER COLUMN commune DROP DEFAULT;
ALTER TABLE count_petition ALTER COLUMN commune DROP DEFAULT;
ALTER TABLE count_mediation ALTER COLUMN commune DROP DEFAULT;
ALTER TABLE count_fact ALTER COLUMN commune DROP DEFAULT;
ALTER TABLE reception_session ALTER COLUMN commune DROP DEFAULT;
ALTER TABLE reception_visit ALTER COLUMN commune DROP DEFAULT;
ALTER TABLE one_stop_dossier ALTER COLUMN commune DROP DEFAULT;

-- Reference numbers run per commune and per year: 2024-0001 in each commune.
ALTER TABLE petition_view DROP CONSTRAINT petition_view_reference_key;
ALTER TABLE petition_view ADD CONSTRAINT petition_view_commune_reference UNIQUE (commune, reference);
CREATE INDEX petition_view_reference ON petition_view (reference);

-- A province's counts, per commune.
CREATE INDEX count_petition_commune_received_on ON count_petition (commune, received_on);

-- The role a request's statements run as (set by api/database/CommuneScope when a connection is taken
-- on a request's thread): it may read and write every table, but the rows of the tables below only
-- where their commune is one of the request's (the setting petition.communes, an array literal of
-- codes: {"10105","10106"}). Outside a request (the tracking processors, rebuilds, the daily seal) the service runs as
-- the owner, whom the policies do not bind. Roles belong to the PostgreSQL cluster, not to one
-- database: another database on the same server may have created it already.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'petition_request') THEN
        CREATE ROLE petition_request NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END $$;

-- A DBA may have made the role and granted it already, where the service's user may not grant it.
DO $$
BEGIN
    IF NOT pg_has_role(current_user, 'petition_request', 'MEMBER') THEN
        EXECUTE format('GRANT petition_request TO %I', current_user);
    END IF;
END $$;

GRANT USAGE ON SCHEMA public TO petition_request;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO petition_request;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO petition_request;
-- Tables and sequences created later by this role (the migrations after this one, a rebuild's copies).
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO petition_request;
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO petition_request;

-- Whether a row of this commune is one the current request may see (false when no commune is set:
-- a request that set none sees nothing).
CREATE FUNCTION petition_commune_visible(commune VARCHAR) RETURNS BOOLEAN
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT commune = ANY (CAST(NULLIF(current_setting('petition.communes', true), '') AS varchar[]))
$$;

ALTER TABLE petition_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE count_petition ENABLE ROW LEVEL SECURITY;
ALTER TABLE count_mediation ENABLE ROW LEVEL SECURITY;
ALTER TABLE count_fact ENABLE ROW LEVEL SECURITY;
ALTER TABLE reception_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE reception_visit ENABLE ROW LEVEL SECURITY;
ALTER TABLE one_stop_dossier ENABLE ROW LEVEL SECURITY;

CREATE POLICY commune ON petition_view TO petition_request USING (petition_commune_visible(commune));
CREATE POLICY commune ON count_petition TO petition_request USING (petition_commune_visible(commune));
CREATE POLICY commune ON count_mediation TO petition_request USING (petition_commune_visible(commune));
CREATE POLICY commune ON count_fact TO petition_request USING (petition_commune_visible(commune));
CREATE POLICY commune ON reception_session TO petition_request USING (petition_commune_visible(commune));
CREATE POLICY commune ON reception_visit TO petition_request USING (petition_commune_visible(commune));
CREATE POLICY commune ON one_stop_dossier TO petition_request USING (petition_commune_visible(commune));
