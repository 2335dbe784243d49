-- The counts of a period summed per commune over days and months instead of counted over petitions
-- (docs/BENCHMARKS.md, "A province's counts"): a province's half-year reads some thousands of rows
-- here where it read one per petition in count_petition.
--
-- A bucket holds, for one commune and one day (span 'D') or one month (span 'M', starts_on its first
-- day), what changed on that day or in that month: the petitions received, accepted and closed (by
-- status and by timeliness), the mediations held, and the change in the petitions overdue. Every
-- figure of a period is a difference of two sums "before a date" (CountsQueries), each read from the
-- months before the date's month and the days of its month before it.
--
-- The buckets are kept from count_petition and count_mediation by the triggers below, whoever writes
-- those (the counts processor, a rebuild's copy, a test): a row's old contribution is taken away and
-- its new one added, so an idempotent redelivery changes nothing. A bucket that comes back to zero is
-- removed, so that buckets kept event by event equal buckets computed at once (a verification
-- compares them).
--
-- The petitions received by kind, field, channel and ward have buckets of their own, count_bucket_key:
-- a period's are summed from its whole months and the days of its partial ones.
CREATE TABLE count_bucket (
    commune        VARCHAR(5) NOT NULL,
    span           CHAR(1)    NOT NULL CHECK (span IN ('D', 'M')),
    starts_on      DATE       NOT NULL,
    received       INTEGER    NOT NULL,
    accepted       INTEGER    NOT NULL,
    closed         INTEGER    NOT NULL,
    resolved       INTEGER    NOT NULL,
    escalated      INTEGER    NOT NULL,
    forwarded      INTEGER    NOT NULL,
    guided         INTEGER    NOT NULL,
    rejected       INTEGER    NOT NULL,
    archived       INTEGER    NOT NULL,
    withdrawn      INTEGER    NOT NULL,
    terminated     INTEGER    NOT NULL,
    closed_early   INTEGER    NOT NULL,
    closed_on_time INTEGER    NOT NULL,
    closed_late    INTEGER    NOT NULL,
    -- Petitions that became overdue on the day less those that stopped being (closed or suspended).
    overdue        INTEGER    NOT NULL,
    succeeded      INTEGER    NOT NULL,
    failed         INTEGER    NOT NULL,
    PRIMARY KEY (commune, span, starts_on)
);

CREATE INDEX count_bucket_span_starts_on ON count_bucket (span, starts_on);

CREATE TABLE count_bucket_key (
    commune   VARCHAR(5)   NOT NULL,
    span      CHAR(1)      NOT NULL CHECK (span IN ('D', 'M')),
    starts_on DATE         NOT NULL,
    -- kind, field, channel or ward; key is the row's value ('' for none).
    dimension VARCHAR(8)   NOT NULL,
    key       VARCHAR(200) NOT NULL,
    received  INTEGER      NOT NULL,
    PRIMARY KEY (commune, span, starts_on, dimension, key)
);

CREATE INDEX count_bucket_key_span_starts_on ON count_bucket_key (span, starts_on);

-- What a row adds to the buckets of one day (negative to take away), before it is summed into the
-- day's and the month's.
CREATE TYPE count_delta AS (
    commune VARCHAR, day DATE, received INTEGER, accepted INTEGER, closed INTEGER, resolved INTEGER,
    escalated INTEGER, forwarded INTEGER, guided INTEGER, rejected INTEGER, archived INTEGER, withdrawn INTEGER,
    terminated INTEGER, closed_early INTEGER, closed_on_time INTEGER, closed_late INTEGER, overdue INTEGER,
    succeeded INTEGER, failed INTEGER);

CREATE TYPE count_key_delta AS (commune VARCHAR, day DATE, dimension VARCHAR, key VARCHAR, received INTEGER);

-- What one count_petition row adds to the buckets of each day it names, times n (1 to add it, -1 to
-- take it away). A petition is overdue on day t when received_on <= t < closed_on, due_on < t and not
-- suspended_on <= t: from the day after its deadline until it is closed or suspended.
CREATE FUNCTION count_petition_deltas(p_commune VARCHAR, p_received_on DATE, p_accepted_on DATE, p_closed_on DATE,
                                      p_closed_as VARCHAR, p_due_on DATE, p_suspended_on DATE, n INTEGER)
    RETURNS SETOF count_delta
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT p_commune, p_received_on, n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
     WHERE p_received_on IS NOT NULL
    UNION ALL
    SELECT p_commune, p_accepted_on, 0, n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
     WHERE p_accepted_on IS NOT NULL
    UNION ALL
    SELECT p_commune, p_closed_on, 0, 0, n,
           CASE WHEN p_closed_as = 'RESOLVED' THEN n ELSE 0 END,
           CASE WHEN p_closed_as = 'ESCALATED' THEN n ELSE 0 END,
           CASE WHEN p_closed_as = 'FORWARDED' THEN n ELSE 0 END,
           CASE WHEN p_closed_as = 'GUIDED' THEN n ELSE 0 END,
           CASE WHEN p_closed_as = 'REJECTED' THEN n ELSE 0 END,
           CASE WHEN p_closed_as = 'ARCHIVED' THEN n ELSE 0 END,
           CASE WHEN p_closed_as = 'WITHDRAWN' THEN n ELSE 0 END,
           CASE WHEN p_closed_as = 'TERMINATED' THEN n ELSE 0 END,
           CASE WHEN p_closed_on < p_due_on THEN n ELSE 0 END,
           CASE WHEN p_closed_on = p_due_on THEN n ELSE 0 END,
           CASE WHEN p_closed_on > p_due_on THEN n ELSE 0 END,
           0, 0, 0
     WHERE p_closed_on IS NOT NULL
    UNION ALL
    SELECT p_commune, e.day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, e.n, 0, 0
      FROM (SELECT GREATEST(p_received_on, p_due_on + 1) AS starts_on,
                   LEAST(p_closed_on, p_suspended_on) AS ends_on) o,
           LATERAL (VALUES (o.starts_on, n), (o.ends_on, -n)) e (day, n)
     WHERE p_due_on IS NOT NULL AND p_received_on IS NOT NULL AND e.day IS NOT NULL
       AND (o.ends_on IS NULL OR o.starts_on < o.ends_on)
$$;

-- What one count_mediation row adds to the buckets, times n.
CREATE FUNCTION count_mediation_deltas(p_commune VARCHAR, p_held_on DATE, p_outcome VARCHAR, n INTEGER)
    RETURNS SETOF count_delta
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT p_commune, p_held_on, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           CASE WHEN p_outcome = 'SUCCEEDED' THEN n ELSE 0 END, CASE WHEN p_outcome = 'FAILED' THEN n ELSE 0 END
$$;

-- What one count_petition row adds to the keys' buckets of its day of receipt, times n.
CREATE FUNCTION count_petition_key_deltas(p_commune VARCHAR, p_received_on DATE, p_kind VARCHAR, p_field VARCHAR,
                                          p_channel VARCHAR, p_ward VARCHAR, n INTEGER)
    RETURNS SETOF count_key_delta
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT p_commune, p_received_on, d.dimension, COALESCE(d.key, ''), n
      FROM (VALUES ('kind', p_kind), ('field', p_field), ('channel', p_channel), ('ward', p_ward)) d (dimension, key)
$$;

-- The statements below name the tables without a schema: they write the count_bucket of the schema
-- first in the search path, which is the live tables' (public) for the counts processor and a copy's
-- for a rebuild's writers (rebuild/Replay, SetBasedLoad); the triggers check that it is their table's.
-- Static statements keep their plans from one call to the next.

-- Deltas summed into a day's and a month's bucket each and added to the buckets there; a bucket
-- brought back to zero is removed.
CREATE FUNCTION count_bucket_add(deltas count_delta[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    emptied BIGINT;
BEGIN
    WITH added AS (
        INSERT INTO count_bucket AS b (commune, span, starts_on, received, accepted, closed, resolved, escalated,
            forwarded, guided, rejected, archived, withdrawn, terminated, closed_early, closed_on_time, closed_late,
            overdue, succeeded, failed)
        SELECT d.commune, s.span, s.starts_on, sum(received), sum(accepted), sum(closed), sum(resolved),
               sum(escalated), sum(forwarded), sum(guided), sum(rejected), sum(archived), sum(withdrawn),
               sum(terminated), sum(closed_early), sum(closed_on_time), sum(closed_late), sum(overdue),
               sum(succeeded), sum(failed)
          FROM unnest(deltas) d,
               LATERAL (VALUES ('D', d.day), ('M', CAST(date_trunc('month', d.day) AS date))) s (span, starts_on)
         GROUP BY d.commune, s.span, s.starts_on
        HAVING sum(received) <> 0 OR sum(accepted) <> 0 OR sum(closed) <> 0 OR sum(resolved) <> 0
            OR sum(escalated) <> 0 OR sum(forwarded) <> 0 OR sum(guided) <> 0 OR sum(rejected) <> 0
            OR sum(archived) <> 0 OR sum(withdrawn) <> 0 OR sum(terminated) <> 0 OR sum(closed_early) <> 0
            OR sum(closed_on_time) <> 0 OR sum(closed_late) <> 0 OR sum(overdue) <> 0 OR sum(succeeded) <> 0
            OR sum(failed) <> 0
         ORDER BY d.commune, s.span, s.starts_on
        ON CONFLICT (commune, span, starts_on) DO UPDATE SET
            received = b.received + excluded.received, accepted = b.accepted + excluded.accepted,
            closed = b.closed + excluded.closed, resolved = b.resolved + excluded.resolved,
            escalated = b.escalated + excluded.escalated, forwarded = b.forwarded + excluded.forwarded,
            guided = b.guided + excluded.guided, rejected = b.rejected + excluded.rejected,
            archived = b.archived + excluded.archived, withdrawn = b.withdrawn + excluded.withdrawn,
            terminated = b.terminated + excluded.terminated, closed_early = b.closed_early + excluded.closed_early,
            closed_on_time = b.closed_on_time + excluded.closed_on_time,
            closed_late = b.closed_late + excluded.closed_late, overdue = b.overdue + excluded.overdue,
            succeeded = b.succeeded + excluded.succeeded, failed = b.failed + excluded.failed
        RETURNING b.*)
    SELECT count(*) INTO emptied FROM added
     WHERE received = 0 AND accepted = 0 AND closed = 0 AND resolved = 0 AND escalated = 0 AND forwarded = 0
       AND guided = 0 AND rejected = 0 AND archived = 0 AND withdrawn = 0 AND terminated = 0 AND closed_early = 0
       AND closed_on_time = 0 AND closed_late = 0 AND overdue = 0 AND succeeded = 0 AND failed = 0;
    IF emptied > 0 THEN
        DELETE FROM count_bucket
         WHERE received = 0 AND accepted = 0 AND closed = 0 AND resolved = 0 AND escalated = 0 AND forwarded = 0
           AND guided = 0 AND rejected = 0 AND archived = 0 AND withdrawn = 0 AND terminated = 0
           AND closed_early = 0 AND closed_on_time = 0 AND closed_late = 0 AND overdue = 0 AND succeeded = 0
           AND failed = 0
           AND (commune, starts_on) IN (SELECT d.commune, d.day FROM unnest(deltas) d
                                        UNION SELECT d.commune, CAST(date_trunc('month', d.day) AS date)
                                          FROM unnest(deltas) d);
    END IF;
END
$$;

CREATE FUNCTION count_bucket_key_add(deltas count_key_delta[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    emptied BIGINT;
BEGIN
    WITH added AS (
        INSERT INTO count_bucket_key AS b (commune, span, starts_on, dimension, key, received)
        SELECT d.commune, s.span, s.starts_on, d.dimension, d.key, sum(d.received)
          FROM unnest(deltas) d,
               LATERAL (VALUES ('D', d.day), ('M', CAST(date_trunc('month', d.day) AS date))) s (span, starts_on)
         GROUP BY d.commune, s.span, s.starts_on, d.dimension, d.key
        HAVING sum(d.received) <> 0
         ORDER BY d.commune, s.span, s.starts_on, d.dimension, d.key
        ON CONFLICT (commune, span, starts_on, dimension, key) DO UPDATE SET received = b.received + excluded.received
        RETURNING b.received)
    SELECT count(*) INTO emptied FROM added WHERE received = 0;
    IF emptied > 0 THEN
        DELETE FROM count_bucket_key
         WHERE received = 0
           AND (commune, starts_on) IN (SELECT d.commune, d.day FROM unnest(deltas) d
                                        UNION SELECT d.commune, CAST(date_trunc('month', d.day) AS date)
                                          FROM unnest(deltas) d);
    END IF;
END
$$;

-- The triggers: the rows inserted added, the rows deleted taken away, an updated row's old values
-- taken away and its new ones added. A trigger with transition tables has one event, and a function
-- names only the transition tables its event has: one function for each.
CREATE FUNCTION count_bucket_in_schema(schema NAME) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    IF schema <> current_schema() THEN
        RAISE EXCEPTION 'The counts of %.count_petition are written with % first in the search path', schema,
            current_schema();
    END IF;
    -- One transaction at a time adds to a schema's buckets, until it commits: two that each add to a
    -- day and its month in turn, in different statements, would otherwise deadlock (a rebuild's
    -- writers run at once).
    PERFORM pg_advisory_xact_lock(hashtext('petition.count_bucket ' || schema));
END
$$;

CREATE FUNCTION count_petition_inserted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows) THEN
        PERFORM count_bucket_in_schema(TG_TABLE_SCHEMA);
        PERFORM count_bucket_add(ARRAY(
            SELECT x FROM new_rows r, count_petition_deltas(r.commune, r.received_on, r.accepted_on, r.closed_on,
                                                             r.closed_as, r.due_on, r.suspended_on, 1) x));
        PERFORM count_bucket_key_add(ARRAY(
            SELECT x FROM new_rows r, count_petition_key_deltas(r.commune, r.received_on, r.kind, r.field,
                                                                 r.channel, r.ward, 1) x));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION count_petition_deleted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM old_rows) THEN
        PERFORM count_bucket_in_schema(TG_TABLE_SCHEMA);
        PERFORM count_bucket_add(ARRAY(
            SELECT x FROM old_rows r, count_petition_deltas(r.commune, r.received_on, r.accepted_on, r.closed_on,
                                                             r.closed_as, r.due_on, r.suspended_on, -1) x));
        PERFORM count_bucket_key_add(ARRAY(
            SELECT x FROM old_rows r, count_petition_key_deltas(r.commune, r.received_on, r.kind, r.field,
                                                                 r.channel, r.ward, -1) x));
    END IF;
    RETURN NULL;
END
$$;

-- The steps after receipt change only the dates and the closing (the handlers' UPDATEs): the keys'
-- buckets change only if the row's commune, day of receipt, kind, field, channel or ward did.
CREATE FUNCTION count_petition_updated() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows) THEN
        PERFORM count_bucket_in_schema(TG_TABLE_SCHEMA);
        PERFORM count_bucket_add(ARRAY(
            SELECT x FROM new_rows r, count_petition_deltas(r.commune, r.received_on, r.accepted_on, r.closed_on,
                                                             r.closed_as, r.due_on, r.suspended_on, 1) x
            UNION ALL
            SELECT x FROM old_rows r, count_petition_deltas(r.commune, r.received_on, r.accepted_on, r.closed_on,
                                                             r.closed_as, r.due_on, r.suspended_on, -1) x));
        IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o USING (petition_id)
                    WHERE (n.commune, n.received_on, n.kind, n.field, n.channel, n.ward)
                          IS DISTINCT FROM (o.commune, o.received_on, o.kind, o.field, o.channel, o.ward)) THEN
            PERFORM count_bucket_key_add(ARRAY(
                SELECT x FROM new_rows r, count_petition_key_deltas(r.commune, r.received_on, r.kind, r.field,
                                                                     r.channel, r.ward, 1) x
                UNION ALL
                SELECT x FROM old_rows r, count_petition_key_deltas(r.commune, r.received_on, r.kind, r.field,
                                                                     r.channel, r.ward, -1) x));
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION count_mediation_inserted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows) THEN
        PERFORM count_bucket_in_schema(TG_TABLE_SCHEMA);
        PERFORM count_bucket_add(ARRAY(
            SELECT x FROM new_rows r, count_mediation_deltas(r.commune, r.held_on, r.outcome, 1) x));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION count_mediation_deleted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM old_rows) THEN
        PERFORM count_bucket_in_schema(TG_TABLE_SCHEMA);
        PERFORM count_bucket_add(ARRAY(
            SELECT x FROM old_rows r, count_mediation_deltas(r.commune, r.held_on, r.outcome, -1) x));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION count_mediation_updated() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows) THEN
        PERFORM count_bucket_in_schema(TG_TABLE_SCHEMA);
        PERFORM count_bucket_add(ARRAY(
            SELECT x FROM new_rows r, count_mediation_deltas(r.commune, r.held_on, r.outcome, 1) x
            UNION ALL
            SELECT x FROM old_rows r, count_mediation_deltas(r.commune, r.held_on, r.outcome, -1) x));
    END IF;
    RETURN NULL;
END
$$;

-- A rebuild's copy gets the same triggers on its own tables (rebuild/Copy), writing its own buckets.
CREATE TRIGGER count_petition_inserted AFTER INSERT ON count_petition REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_petition_inserted();
CREATE TRIGGER count_petition_updated AFTER UPDATE ON count_petition
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_petition_updated();
CREATE TRIGGER count_petition_deleted AFTER DELETE ON count_petition REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_petition_deleted();
CREATE TRIGGER count_mediation_inserted AFTER INSERT ON count_mediation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_mediation_inserted();
CREATE TRIGGER count_mediation_updated AFTER UPDATE ON count_mediation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_mediation_updated();
CREATE TRIGGER count_mediation_deleted AFTER DELETE ON count_mediation REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_mediation_deleted();

-- Every bucket computed at once into the empty count_bucket and count_bucket_key first in the search
-- path, for the communes of one part of `parts` (by hashtext(commune)): a set-based rebuild's last
-- statement (CountsProjection), run before the copy has its keys and triggers. As count_bucket_add,
-- without an existing bucket to add to.
CREATE PROCEDURE count_bucket_fill(part INTEGER, parts INTEGER) LANGUAGE sql AS $$
    INSERT INTO count_bucket (commune, span, starts_on, received, accepted, closed, resolved, escalated,
        forwarded, guided, rejected, archived, withdrawn, terminated, closed_early, closed_on_time, closed_late,
        overdue, succeeded, failed)
    SELECT d.commune, s.span, s.starts_on, sum(received), sum(accepted), sum(closed), sum(resolved),
           sum(escalated), sum(forwarded), sum(guided), sum(rejected), sum(archived), sum(withdrawn),
           sum(terminated), sum(closed_early), sum(closed_on_time), sum(closed_late), sum(overdue),
           sum(succeeded), sum(failed)
      FROM (SELECT x.* FROM count_petition r, count_petition_deltas(r.commune, r.received_on, r.accepted_on,
                     r.closed_on, r.closed_as, r.due_on, r.suspended_on, 1) x
             WHERE (hashtext(r.commune) & 2147483647) % parts = part
            UNION ALL
            SELECT x.* FROM count_mediation r, count_mediation_deltas(r.commune, r.held_on, r.outcome, 1) x
             WHERE (hashtext(r.commune) & 2147483647) % parts = part) d,
           LATERAL (VALUES ('D', d.day), ('M', CAST(date_trunc('month', d.day) AS date))) s (span, starts_on)
     GROUP BY d.commune, s.span, s.starts_on
    HAVING sum(received) <> 0 OR sum(accepted) <> 0 OR sum(closed) <> 0 OR sum(resolved) <> 0
        OR sum(escalated) <> 0 OR sum(forwarded) <> 0 OR sum(guided) <> 0 OR sum(rejected) <> 0
        OR sum(archived) <> 0 OR sum(withdrawn) <> 0 OR sum(terminated) <> 0 OR sum(closed_early) <> 0
        OR sum(closed_on_time) <> 0 OR sum(closed_late) <> 0 OR sum(overdue) <> 0 OR sum(succeeded) <> 0
        OR sum(failed) <> 0;
    INSERT INTO count_bucket_key (commune, span, starts_on, dimension, key, received)
    SELECT d.commune, s.span, s.starts_on, d.dimension, d.key, sum(d.received)
      FROM count_petition r,
           count_petition_key_deltas(r.commune, r.received_on, r.kind, r.field, r.channel, r.ward, 1) d,
           LATERAL (VALUES ('D', d.day), ('M', CAST(date_trunc('month', d.day) AS date))) s (span, starts_on)
     WHERE (hashtext(r.commune) & 2147483647) % parts = part
     GROUP BY d.commune, s.span, s.starts_on, d.dimension, d.key;
$$;

-- The buckets of the rows already there.
CALL count_bucket_fill(0, 1);

ALTER TABLE count_bucket ENABLE ROW LEVEL SECURITY;
ALTER TABLE count_bucket_key ENABLE ROW LEVEL SECURITY;
CREATE POLICY commune ON count_bucket TO petition_request USING (petition_commune_visible(commune));
CREATE POLICY commune ON count_bucket_key TO petition_request USING (petition_commune_visible(commune));
