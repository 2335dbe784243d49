package vn.commune.petition.projections.rebuild;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A copy of a projection's tables in a schema of its own, built for loading: unlogged (no WAL for rows
 * that are rebuilt anyway if the server stops) and without its secondary indexes, which are built
 * once the rows are in: an index built in one sorted pass costs far less than one kept up to date row
 * by row. Finished, it is like the live tables, and is swapped in for them by moving schemas.
 */
record Copy(ProjectionDefinition projection, String schema, DataSource dataSource, TransactionTemplate transaction,
            Map<String, List<String>> keys, Map<String, List<String>> triggers, Map<String, List<String>> indexes) {
    // keys: by table, the statements that add its primary and unique keys, if not made now; triggers:
    // those that make its triggers; indexes: its other indexes.

    private static final Logger log = LoggerFactory.getLogger(Copy.class);
    /** The prefix of the schema the live tables are moved to by a swap, and dropped with. */
    static final String RETIRED = "retired_";

    /**
     * Creates the empty copy in {@code schema}, a name unique to the run, replacing any left there. The
     * primary and unique keys, which the handlers' upserts and updates need, are made now if
     * {@code keysNow}, else by {@link #addKeys} after a set-based load. The triggers, which write the
     * copy's own tables as the live ones' write theirs (count_bucket), are made by {@link #derive}, once
     * the rows are in.
     */
    static Copy create(ProjectionDefinition projection, String schema, boolean keysNow, DataSource dataSource,
                       TransactionTemplate transaction) {
        Copy copy = new Copy(projection, schema, dataSource, transaction, new LinkedHashMap<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>());
        transaction.executeWithoutResult(status -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
            jdbc.sql("CREATE SCHEMA " + schema).update();
            for (String table : projection.tables()) {
                // Everything but the indexes; those keep the live table's names, so that a later
                // migration naming one still finds it after the swap.
                jdbc.sql("CREATE UNLOGGED TABLE " + schema + "." + table + " (LIKE public." + table
                        + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY"
                        + " INCLUDING STORAGE INCLUDING COMMENTS)").update();
                // Its row-level security and policies (V18_3), which LIKE does not copy.
                jdbc.sql("""
                                SELECT 'ALTER TABLE ' || :copy || ' ENABLE ROW LEVEL SECURITY'
                                  FROM pg_class WHERE oid = CAST(:table AS regclass) AND relrowsecurity
                                UNION ALL
                                SELECT format('CREATE POLICY %I ON %s AS %s FOR %s TO %s', p.policyname, :copy,
                                              p.permissive, p.cmd,
                                              (SELECT string_agg(quote_ident(r), ', ') FROM unnest(p.roles) r))
                                       || COALESCE(' USING (' || p.qual || ')', '')
                                       || COALESCE(' WITH CHECK (' || p.with_check || ')', '')
                                  FROM pg_policies p
                                 WHERE p.schemaname = 'public' AND p.tablename = :name
                                """)
                        .param("copy", schema + "." + table).param("table", "public." + table).param("name", table)
                        .query(String.class).list()
                        .forEach(statement -> jdbc.sql(statement).update());
                List<String> tableKeys = jdbc.sql("""
                                SELECT 'ALTER TABLE ' || :copy || ' ADD CONSTRAINT ' || c.conname || ' '
                                       || pg_get_constraintdef(c.oid)
                                  FROM pg_constraint c
                                 WHERE c.conrelid = CAST(:table AS regclass) AND c.contype IN ('p', 'u')
                                 ORDER BY c.contype, c.conname
                                """)
                        .param("copy", schema + "." + table).param("table", "public." + table)
                        .query(String.class).list();
                copy.triggers.put(table, jdbc.sql("""
                                SELECT replace(pg_get_triggerdef(t.oid), ' ON public.' || :table || ' ',
                                               ' ON ' || :copy || ' ')
                                  FROM pg_trigger t
                                 WHERE t.tgrelid = CAST('public.' || :table AS regclass) AND NOT t.tgisinternal
                                 ORDER BY t.tgname
                                """)
                        .param("copy", schema + "." + table).param("table", table)
                        .query(String.class).list());
                if (keysNow) {
                    tableKeys.forEach(key -> jdbc.sql(key).update());
                } else {
                    copy.keys.put(table, tableKeys);
                }
                copy.indexes.put(table, jdbc.sql("""
                                SELECT replace(pg_get_indexdef(i.indexrelid), ' ON public.' || :table || ' ',
                                               ' ON ' || :copy || ' ')
                                  FROM pg_index i
                                 WHERE i.indrelid = CAST('public.' || :table AS regclass)
                                   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                                 ORDER BY 1
                                """)
                        .param("copy", schema + "." + table).param("table", table)
                        .query(String.class).list());
            }
        });
        return copy;
    }

    /** Adds the keys left out for a set-based load. */
    void addKeys(Writers writers) {
        eachTable(writers, table -> keys.getOrDefault(table, List.of()));
    }

    /**
     * Once the rows are in and keyed: computes the tables that triggers keep (count_bucket) from them
     * at once, by the projection's derived statements, each in as many transactions at once as there
     * are writers and given {@code :part} of {@code :parts}; then makes the triggers, which keep those
     * tables from the next write on. Kept row by row instead, by triggers on the copy while it is
     * loaded, they cost a replay of the handlers ten times its time.
     */
    void derive(Writers writers) {
        SetBasedLoad.inParts(projection.derived(), schema, Map.of(), dataSource, writers);
        // After the keys: a trigger may write a table whose key its upsert names.
        transaction.executeWithoutResult(status -> execute(projection.tables().stream()
                .flatMap(table -> triggers.getOrDefault(table, List.of()).stream()).toList()));
    }

    /**
     * Makes the loaded copy a table like the live one: logged, with every index and the foreign keys
     * between its own tables, and with planner statistics. Each table is finished in a transaction of
     * its own, at the same time as the others (SET LOGGED rewrites the table and rebuilds its keys, on
     * one core each); the foreign keys come last.
     */
    void finish(Writers writers) {
        eachTable(writers, table -> {
            List<String> statements = new ArrayList<>();
            statements.add("ALTER TABLE " + schema + "." + table + " SET LOGGED");
            statements.addAll(indexes.get(table));
            statements.add("ANALYZE " + schema + "." + table);
            return statements;
        });
        transaction.executeWithoutResult(status -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            List<String> foreignKeys = jdbc.sql("""
                            SELECT 'ALTER TABLE ' || :schema || '.' || c.conrelid::regclass::text || ' ADD CONSTRAINT '
                                   || c.conname || ' ' || pg_get_constraintdef(c.oid)
                              FROM pg_constraint c
                             WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                               AND c.conrelid::regclass::text IN (:tables)
                            """)
                    .param("schema", schema).param("tables", projection.tables())
                    .query(String.class).list();
            // The keys referenced are named without a schema: the copy's own come first.
            jdbc.sql("SET LOCAL search_path TO " + schema + ", public").update();
            execute(foreignKeys);
        });
    }

    /**
     * In one transaction: locks the live tables, in the projection's order, runs {@code lastWrites}
     * (which brings the copy up to date), and swaps the copy in for them by moving schemas.
     */
    void swap(Runnable lastWrites) {
        transaction.executeWithoutResult(status -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            for (String table : projection.tables()) {
                jdbc.sql("LOCK TABLE public." + table + " IN ACCESS EXCLUSIVE MODE").update();
            }
            lastWrites.run();
            String retired = RETIRED + schema;
            jdbc.sql("DROP SCHEMA IF EXISTS " + retired + " CASCADE").update();
            jdbc.sql("CREATE SCHEMA " + retired).update();
            for (String table : projection.tables()) {
                jdbc.sql("ALTER TABLE public." + table + " SET SCHEMA " + retired).update();
                jdbc.sql("ALTER TABLE " + schema + "." + table + " SET SCHEMA public").update();
            }
            jdbc.sql("DROP SCHEMA " + retired + " CASCADE").update();
            jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
        });
    }

    /** Drops a run's schema, if there is one, after it failed or ended; logs, but does not throw. */
    static void drop(DataSource dataSource, String schema) {
        try {
            new JdbcTemplate(dataSource).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (RuntimeException e) {
            log.warn("Could not drop the scratch schema {}", schema);
        }
    }

    /** Runs each table's statements in a transaction of its own, as many tables at once as there are writers. */
    private void eachTable(Writers writers, Function<String, List<String>> statements) {
        writers.run(projection.tables().stream()
                .<Runnable>map(table -> () -> execute(statements.apply(table))).toList());
    }

    private void execute(List<String> statements) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        statements.forEach(jdbc::execute);
    }
}
