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

-- What one count_petition row adds to the buckets of each day it names, times n (1 to add it, -1 to
-- take it away). A petition is overdue on day t when received_on <= t < closed_on, due_on < t and not
-- suspended_on <= t: from the day after its deadline until it is closed or suspended.
CREATE FUNCTION count_petition_deltas(p_commune VARCHAR, p_received_on DATE, p_accepted_on DATE, p_closed_on DATE,
                                      p_closed_as VARCHAR, p_due_on DATE, p_suspended_on DATE, n INTEGER)
    RETURNS TABLE (commune VARCHAR, day DATE, received INTEGER, accepted INTEGER, closed INTEGER,
                   resolved INTEGER, escalated INTEGER, forwarded INTEGER, guided INTEGER, rejected INTEGER,
                   archived INTEGER, withdrawn INTEGER, terminated INTEGER, closed_early INTEGER,
                   closed_on_time INTEGER, closed_late INTEGER, overdue INTEGER, succeeded INTEGER, failed INTEGER)
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
    RETURNS TABLE (commune VARCHAR, day DATE, received INTEGER, accepted INTEGER, closed INTEGER,
                   resolved INTEGER, escalated INTEGER, forwarded INTEGER, guided INTEGER, rejected INTEGER,
                   archived INTEGER, withdrawn INTEGER, terminated INTEGER, closed_early INTEGER,
                   closed_on_time INTEGER, closed_late INTEGER, overdue INTEGER, succeeded INTEGER, failed INTEGER)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT p_commune, p_held_on, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           CASE WHEN p_outcome = 'SUCCEEDED' THEN n ELSE 0 END, CASE WHEN p_outcome = 'FAILED' THEN n ELSE 0 END
$$;

-- The statements that sum deltas (`deltas`, a query of the columns above) into a day's and a month's
-- bucket each, in the count_bucket of `schema` (a rebuild's copy keeps its own): added to the buckets
-- there and the buckets brought back to zero removed; or, into an empty table, inserted.
CREATE FUNCTION count_bucket_statements(schema TEXT, deltas TEXT, into_empty BOOLEAN) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY[format($q$
        INSERT INTO %1$I.count_bucket AS b (commune, span, starts_on, received, accepted, closed, resolved,
            escalated, forwarded, guided, rejected, archived, withdrawn, terminated, closed_early,
            closed_on_time, closed_late, overdue, succeeded, failed)
        SELECT d.commune, s.span, s.starts_on, sum(received), sum(accepted), sum(closed), sum(resolved),
               sum(escalated), sum(forwarded), sum(guided), sum(rejected), sum(archived), sum(withdrawn),
               sum(terminated), sum(closed_early), sum(closed_on_time), sum(closed_late), sum(overdue),
               sum(succeeded), sum(failed)
          FROM (%2$s) d,
               LATERAL (VALUES ('D', d.day), ('M', CAST(date_trunc('month', d.day) AS date))) s (span, starts_on)
         GROUP BY d.commune, s.span, s.starts_on
        HAVING sum(received) <> 0 OR sum(accepted) <> 0 OR sum(closed) <> 0 OR sum(resolved) <> 0
            OR sum(escalated) <> 0 OR sum(forwarded) <> 0 OR sum(guided) <> 0 OR sum(rejected) <> 0
            OR sum(archived) <> 0 OR sum(withdrawn) <> 0 OR sum(terminated) <> 0 OR sum(closed_early) <> 0
            OR sum(closed_on_time) <> 0 OR sum(closed_late) <> 0 OR sum(overdue) <> 0 OR sum(succeeded) <> 0
            OR sum(failed) <> 0
         ORDER BY d.commune, s.span, s.starts_on
        $q$, schema, deltas) || CASE WHEN into_empty THEN '' ELSE $q$
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
        $q$ END]
        || CASE WHEN into_empty THEN ARRAY[]::TEXT[] ELSE ARRAY[format($q$
        DELETE FROM %1$I.count_bucket
         WHERE received = 0 AND accepted = 0 AND closed = 0 AND resolved = 0 AND escalated = 0 AND forwarded = 0
           AND guided = 0 AND rejected = 0 AND archived = 0 AND withdrawn = 0 AND terminated = 0
           AND closed_early = 0 AND closed_on_time = 0 AND closed_late = 0 AND overdue = 0 AND succeeded = 0
           AND failed = 0
           AND (commune, starts_on) IN (SELECT d.commune, d.day FROM (%2$s) d
                                        UNION SELECT d.commune, CAST(date_trunc('month', d.day) AS date) FROM (%2$s) d)
        $q$, schema, deltas)] END
$$;

-- The query of the deltas of the rows `rows` (a table or a trigger's transition table) of `source`,
-- count_petition or count_mediation, times n.
CREATE FUNCTION count_deltas_of(source TEXT, rows TEXT, n INTEGER) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE source
        WHEN 'count_petition' THEN format('SELECT x.* FROM %s r, count_petition_deltas(r.commune, r.received_on,'
            || ' r.accepted_on, r.closed_on, r.closed_as, r.due_on, r.suspended_on, %s) x', rows, n)
        WHEN 'count_mediation' THEN format('SELECT x.* FROM %s r, count_mediation_deltas(r.commune, r.held_on,'
            || ' r.outcome, %s) x', rows, n)
    END
$$;

-- The triggers' deltas, from their transition tables: the rows inserted added, the rows deleted taken
-- away, an updated row's old values taken away and its new ones added. (A transition table is seen
-- only by the trigger's own function, so the statements run here.)
CREATE FUNCTION count_bucket_trigger() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    deltas TEXT;
    statement TEXT;
BEGIN
    -- A statement that changed no row (an upsert of a redelivered event) changes no bucket. Each
    -- transition table is named only where it exists.
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM old_rows) THEN
            RETURN NULL;
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM new_rows) THEN
        RETURN NULL;
    END IF;
    -- One transaction at a time adds to a schema's buckets, until it commits: two that each add to a
    -- day and its month in turn, in different statements, would otherwise deadlock (a rebuild's
    -- writers run at once).
    PERFORM pg_advisory_xact_lock(hashtext('petition.count_bucket ' || TG_TABLE_SCHEMA));
    deltas := CASE TG_OP WHEN 'INSERT' THEN count_deltas_of(TG_TABLE_NAME, 'new_rows', 1)
                         WHEN 'DELETE' THEN count_deltas_of(TG_TABLE_NAME, 'old_rows', -1)
                         ELSE count_deltas_of(TG_TABLE_NAME, 'new_rows', 1) || ' UNION ALL '
                              || count_deltas_of(TG_TABLE_NAME, 'old_rows', -1)
              END;
    FOREACH statement IN ARRAY count_bucket_statements(TG_TABLE_SCHEMA, deltas, false) LOOP
        EXECUTE statement;
    END LOOP;
    RETURN NULL;
END
$$;

-- Every bucket computed at once into an empty count_bucket of the current schema (the first of the
-- search path: a rebuild's copy), for the communes of one part of `parts` (by hashtext(commune)).
CREATE PROCEDURE count_bucket_fill(part INTEGER, parts INTEGER) LANGUAGE plpgsql AS $$
DECLARE
    statement TEXT;
    mine CONSTANT TEXT := format(' WHERE (hashtext(r.commune) & 2147483647) %% %s = %s', parts, part);
BEGIN
    FOREACH statement IN ARRAY count_bucket_statements(current_schema(),
            count_deltas_of('count_petition', quote_ident(current_schema()) || '.count_petition', 1) || mine
            || ' UNION ALL '
            || count_deltas_of('count_mediation', quote_ident(current_schema()) || '.count_mediation', 1) || mine,
            true) LOOP
        EXECUTE statement;
    END LOOP;
END
$$;

-- A trigger with a transition table has one event: three for each table. A rebuild's copy gets the
-- same triggers on its own tables (rebuild/Copy), writing its own count_bucket.
CREATE TRIGGER count_petition_inserted AFTER INSERT ON count_petition REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_bucket_trigger();
CREATE TRIGGER count_petition_updated AFTER UPDATE ON count_petition
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_bucket_trigger();
CREATE TRIGGER count_petition_deleted AFTER DELETE ON count_petition REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_bucket_trigger();
CREATE TRIGGER count_mediation_inserted AFTER INSERT ON count_mediation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_bucket_trigger();
CREATE TRIGGER count_mediation_updated AFTER UPDATE ON count_mediation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_bucket_trigger();
CREATE TRIGGER count_mediation_deleted AFTER DELETE ON count_mediation REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_bucket_trigger();

-- The buckets of the rows already there.
CALL count_bucket_fill(0, 1);

ALTER TABLE count_bucket ENABLE ROW LEVEL SECURITY;
CREATE POLICY commune ON count_bucket TO petition_request USING (petition_commune_visible(commune));
