package vn.commune.petition.projections.rebuild;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The writes of a projection's handlers, held back and sent as JDBC batches: during a rebuild, and
 * for each batch of the counts processor ({@link UnitOfWorkDeferredWrites}). One statement and one
 * round trip per write made a rebuild ten times slower than reading the events.
 *
 * <p>Batching reorders statements, and it is safe because of how read models are keyed: a
 * projection's rows for an aggregate are written only by that aggregate's events (a petition's
 * rows by its own events, a session's by its own). So the writes of one aggregate keep their order,
 * and writes of different aggregates commute. Each write gets a level, its position among the
 * writes of its aggregate since the last flush; a flush runs level 0, then level 1, and so on,
 * each level as one batch per SQL statement, in the order the statements first appeared.
 *
 * <p>A write made outside an event of an aggregate (none today) first flushes what is pending and
 * then runs at once. Projection handlers only write (a read would not see what is held back), and
 * only with named parameters, which is what is held back here.
 */
public final class DeferredWrites extends NamedParameterJdbcTemplate {

    private final NamedParameterJdbcTemplate sink;
    private final TreeMap<Integer, LinkedHashMap<String, List<SqlParameterSource>>> levels = new TreeMap<>();
    private final Map<String, Integer> writesByAggregate = new HashMap<>();
    private String aggregate;
    private int pending;

    public DeferredWrites(NamedParameterJdbcTemplate sink) {
        super(sink.getJdbcTemplate());
        this.sink = sink;
    }

    /** The aggregate whose event the handlers are about to apply; null outside an aggregate's event. */
    public void handling(String aggregateIdentifier) {
        this.aggregate = aggregateIdentifier;
    }

    public int pending() {
        return pending;
    }

    @Override
    public int update(String sql, SqlParameterSource parameters) {
        if (aggregate == null) {
            flush();
            return sink.update(sql, parameters);
        }
        int level = writesByAggregate.merge(aggregate, 1, Integer::sum) - 1;
        levels.computeIfAbsent(level, l -> new LinkedHashMap<>())
                .computeIfAbsent(sql, s -> new ArrayList<>())
                .add(parameters);
        pending++;
        // The handlers' return value is not the rows touched: nothing has run yet.
        return 1;
    }

    @Override
    public int update(String sql, Map<String, ?> parameters) {
        return update(sql, new MapSqlParameterSource(parameters));
    }

    /** Runs every write held back, level by level, each level in one batch per statement. */
    public void flush() {
        for (LinkedHashMap<String, List<SqlParameterSource>> level : levels.values()) {
            level.forEach((sql, parameters) -> sink.batchUpdate(sql, parameters.toArray(SqlParameterSource[]::new)));
        }
        levels.clear();
        writesByAggregate.clear();
        pending = 0;
    }
}
