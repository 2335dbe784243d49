package vn.commune.petition.projections.rebuild;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;

/**
 * The writes of a projection's handlers, held back and sent as JDBC batches: during a rebuild, and
 * for each batch of the counts processor ({@link UnitOfWorkDeferredWrites}), so that a batch of
 * events costs a round trip per statement rather than one per write.
 *
 * <p>Batching reorders statements, and it is safe because of how read models are keyed: a
 * projection's rows for an aggregate are written only by that aggregate's events (a petition's
 * rows by its own events, a session's by its own). So the writes of one aggregate keep their order,
 * and writes of different aggregates commute. Each write gets a level, its position among the
 * writes of its aggregate since the last {@link #take()}; the writes taken run level 0, then level 1,
 * and so on, each level as one batch per SQL statement, in the order the statements first appeared.
 * A write made outside an event of an aggregate (none today) is a barrier: it runs after every
 * write held back before it, and before any made after it.
 *
 * <p>A write's named parameters become positional values when it is made, the names' positions
 * found once per statement's text (see bench/FINDINGS.md, "Replay through the handlers").
 */
public final class DeferredWrites implements ProjectionWrites {

    /** A statement's positional SQL and the names of its parameters, in order. */
    private record Statement(String sql, String[] names) {
    }

    private static final Map<String, Statement> STATEMENTS = new ConcurrentHashMap<>();

    private final List<Segment> segments = new ArrayList<>();
    private final Map<String, Integer> writesByAggregate = new HashMap<>();
    private Levels current;
    private String aggregate;
    private int pending;

    /** The aggregate whose event the handlers are about to apply; null outside an aggregate's event. */
    public void handling(String aggregateIdentifier) {
        this.aggregate = aggregateIdentifier;
    }

    public int pending() {
        return pending;
    }

    @Override
    public void update(String sql, SqlParameterSource parameters) {
        Statement statement = STATEMENTS.computeIfAbsent(sql, DeferredWrites::statement);
        Object[] values = new Object[statement.names().length];
        for (int i = 0; i < values.length; i++) {
            String name = statement.names()[i];
            if (!parameters.hasValue(name)) {
                throw new IllegalArgumentException("No value given for the parameter " + name);
            }
            values[i] = SqlParameterSourceUtils.getTypedValue(parameters, name);
            if (values[i] instanceof Iterable<?>) {
                // A list would expand into as many placeholders as it has elements: not one statement.
                throw new IllegalArgumentException("A deferred write cannot take a list parameter: " + name);
            }
        }
        if (aggregate == null) {
            segments.add(new Barrier(statement, values));
            current = null;
            writesByAggregate.clear();
        } else {
            if (current == null) {
                current = new Levels();
                segments.add(current);
            }
            int level = writesByAggregate.merge(aggregate, 1, Integer::sum) - 1;
            current.add(level, statement, new Row(values, aggregate.hashCode()));
        }
        pending++;
    }

    /** Hands over every write held back, to be written with {@link Pending#writeTo}, and starts afresh. */
    public Pending take() {
        Pending taken = new Pending(List.copyOf(segments), pending);
        segments.clear();
        current = null;
        writesByAggregate.clear();
        pending = 0;
        return taken;
    }

    /**
     * Writes taken from a {@link DeferredWrites}, to run in order on one connection; or, when they hold
     * no write outside an aggregate, in parts by aggregate, each part on a connection of its own and
     * at the same time as the others.
     */
    public static final class Pending {

        private final List<Segment> segments;
        private final int writes;

        private Pending(List<Segment> segments, int writes) {
            this.segments = segments;
            this.writes = writes;
        }

        public int writes() {
            return writes;
        }

        /** Whether these writes can be written in parts: none of them is outside an aggregate. */
        public boolean divisible() {
            return segments.stream().allMatch(Levels.class::isInstance);
        }

        public void writeTo(JdbcOperations jdbc) {
            writeTo(jdbc, 0, 1);
        }

        /** Writes part {@code part} of {@code parts}: the writes of the aggregates that fall in it. */
        public void writeTo(JdbcOperations jdbc, int part, int parts) {
            if (parts > 1 && !divisible()) {
                throw new IllegalStateException("Writes outside an aggregate cannot be written in parts");
            }
            for (Segment segment : segments) {
                segment.writeTo(jdbc, part, parts);
            }
        }
    }

    /** Writes held back in one stretch: the writes of aggregates' events, or one write outside them. */
    private interface Segment {
        void writeTo(JdbcOperations jdbc, int part, int parts);
    }

    /** A write's positional values, and the hash of its aggregate's identifier, which picks its part. */
    private record Row(Object[] values, int aggregate) {
        boolean in(int part, int parts) {
            return Math.floorMod(aggregate, parts) == part;
        }
    }

    /** Writes of aggregates' events, by level, each level one batch per statement. */
    private static final class Levels implements Segment {

        private final TreeMap<Integer, LinkedHashMap<Statement, List<Row>>> levels = new TreeMap<>();

        void add(int level, Statement statement, Row row) {
            levels.computeIfAbsent(level, l -> new LinkedHashMap<>())
                    .computeIfAbsent(statement, s -> new ArrayList<>())
                    .add(row);
        }

        @Override
        public void writeTo(JdbcOperations jdbc, int part, int parts) {
            for (LinkedHashMap<Statement, List<Row>> level : levels.values()) {
                level.forEach((statement, all) -> {
                    List<Row> rows = parts == 1 ? all : all.stream().filter(row -> row.in(part, parts)).toList();
                    if (!rows.isEmpty()) {
                        jdbc.batchUpdate(statement.sql(), new BatchPreparedStatementSetter() {
                            @Override
                            public void setValues(PreparedStatement ps, int i) throws SQLException {
                                bind(ps, rows.get(i).values());
                            }

                            @Override
                            public int getBatchSize() {
                                return rows.size();
                            }
                        });
                    }
                });
            }
        }
    }

    /** A write outside an aggregate's event: alone, in its place. */
    private record Barrier(Statement statement, Object[] values) implements Segment {
        @Override
        public void writeTo(JdbcOperations jdbc, int part, int parts) {
            jdbc.update(statement.sql(), ps -> bind(ps, values));
        }
    }

    /** The positional form of a statement's text, the same whatever values a call gives. */
    private static Statement statement(String sql) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        String[] names = NamedParameterUtils.buildSqlParameterList(parsed, new MapSqlParameterSource()).stream()
                .map(SqlParameter::getName).toArray(String[]::new);
        // Without values, each parameter becomes one placeholder (a list would have expanded).
        return new Statement(NamedParameterUtils.substituteNamedParameters(parsed, null), names);
    }

    /** Binds what Spring would bind the same way directly, and anything else (nulls, typed values) through Spring. */
    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof String || value instanceof Long || value instanceof Integer
                    || value instanceof Boolean || value instanceof LocalDate || value instanceof OffsetDateTime) {
                ps.setObject(i + 1, value);
            } else {
                StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, value);
            }
        }
    }
}
