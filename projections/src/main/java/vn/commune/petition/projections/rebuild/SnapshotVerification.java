package vn.commune.petition.projections.rebuild;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A verification: the projection's handlers replayed into a scratch copy, compared with the live
 * tables as they stood at one moment, the replay given exactly the events the live tables had seen
 * then, so that a verification while steps are being recorded is as right as one at rest.
 *
 * <p>One snapshot of the database (REPEATABLE READ, exported) serves both sides: in it the live
 * tables are copied aside, and in it the events are read. A subscribing projection is written in the
 * transaction of its events, so the tables in the snapshot are those of every event in it. A tracking
 * projection's tables are as far as its token, which is committed with them: the replay stops at the
 * token's position and leaves out the events it still waits for (its gaps).
 */
final class SnapshotVerification {

    /** The suffix of the schema the live tables are copied aside into. */
    static final String LIVE = "_live";

    private SnapshotVerification() {
    }

    static Verification verify(ProjectionDefinition projection, String schema, Replay replay, DataSource dataSource,
                               TransactionTemplate transaction, Writers writers) {
        String live = schema + LIVE;
        try {
            Copy copy = Copy.create(projection, schema, true, dataSource, transaction);
            // The snapshot's transaction copies the live tables aside and stays open, suspended, while
            // the replay reads in a transaction of its own that takes the same snapshot.
            TransactionTemplate snapshot = new TransactionTemplate(transaction.getTransactionManager(), transaction);
            snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            TransactionTemplate inSnapshot = new TransactionTemplate(transaction.getTransactionManager());
            inSnapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            inSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            inSnapshot.setReadOnly(true);
            snapshot.executeWithoutResult(outer -> {
                JdbcClient jdbc = JdbcClient.create(dataSource);
                String id = jdbc.sql("SELECT pg_export_snapshot()").query(String.class).single();
                Replay.Bound bound = copyAside(jdbc, projection, live);
                inSnapshot.executeWithoutResult(inner -> {
                    JdbcClient.create(dataSource).sql("SET TRANSACTION SNAPSHOT '" + id + "'").update();
                    replay.run(null, bound, writers);
                });
            });
            // The buckets as a rebuild computes them, compared with those the live triggers kept.
            copy.derive(writers);
            return transaction.execute(status ->
                    Differences.between(JdbcClient.create(dataSource), projection, live, schema));
        } finally {
            Copy.drop(dataSource, schema);
            Copy.drop(dataSource, live);
        }
    }

    /**
     * Copies the projection's live tables, as they stand in the caller's snapshot, into {@code schema},
     * and returns how far they are: a tracking projection's token, or every event in the snapshot.
     */
    private static Replay.Bound copyAside(JdbcClient jdbc, ProjectionDefinition projection, String schema) {
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        jdbc.sql("CREATE SCHEMA " + schema).update();
        for (String table : projection.tables()) {
            jdbc.sql("CREATE UNLOGGED TABLE " + schema + "." + table + " AS SELECT * FROM public." + table).update();
        }
        List<Replay.Bound> tokens = jdbc.sql("""
                        SELECT CASE WHEN token IS NULL THEN -1
                                    ELSE (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint END AS upto,
                               ARRAY(SELECT jsonb_array_elements_text(convert_from(token, 'UTF8')::jsonb -> 'gaps')
                                      WHERE token IS NOT NULL) AS gaps
                          FROM tokenentry WHERE processor_name = :processor""")
                .param("processor", projection.name())
                .query((rs, n) -> {
                    Set<Long> gaps = new HashSet<>();
                    for (Object gap : (Object[]) rs.getArray("gaps").getArray()) {
                        gaps.add(Long.parseLong(gap.toString()));
                    }
                    return new Replay.Bound(rs.getObject("upto") == null ? null : rs.getLong("upto"), gaps);
                })
                .list();
        if (tokens.isEmpty()) {
            return Replay.Bound.END;
        }
        if (tokens.size() > 1 || tokens.get(0).upTo() == null) {
            throw new IllegalStateException("A verification needs the one gap-aware token of " + projection.name());
        }
        return tokens.get(0);
    }
}
