package vn.commune.petition.projections.petition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.deadline.Timeliness;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.DeadlineExtended;
import vn.commune.petition.domain.petition.HandedOverDocument;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.domain.petition.Petitioner;

/** Reads {@code petition_view}: one petition, or a filtered page of them. */
@Component
public class PetitionViewQueries {

    private static final TypeReference<List<Petitioner>> PETITIONERS = new TypeReference<>() { };
    private static final TypeReference<List<HandedOverDocument>> HANDED_OVER = new TypeReference<>() { };
    private static final TypeReference<List<PetitionView.Step>> STEPS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public PetitionViewQueries(JdbcClient jdbc, @Qualifier("projectionObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The petition with this id, if there is one. */
    public Optional<PetitionView> find(String id) {
        return jdbc.sql("SELECT * FROM petition_view WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /**
     * The ids of the petitions with this reference among the communes the request sees: references run
     * per commune, so one may name a petition in each. At most {@code limit}.
     */
    public List<String> idsOfReference(String reference, int limit) {
        return jdbc.sql("SELECT id FROM petition_view WHERE reference = :reference ORDER BY commune LIMIT :limit")
                .param("reference", reference)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /**
     * The version of the petition with this id, its row locked until the transaction ends: a step
     * that reads it so waits for any step still being recorded on the petition, and holds off the next.
     */
    public Optional<Long> lockVersion(String id) {
        return jdbc.sql("SELECT version FROM petition_view WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    /** A page of petitions, newest received first, filtered by any of status, kind and receipt dates. */
    public PetitionPage list(ListPetitions query) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status().name());
        }
        if (query.kind() != null) {
            where.append(" AND kind = ?");
            args.add(query.kind().name());
        }
        if (query.from() != null) {
            where.append(" AND received_on >= ?");
            args.add(query.from());
        }
        if (query.to() != null) {
            where.append(" AND received_on <= ?");
            args.add(query.to());
        }
        long total = jdbc.sql("SELECT count(*) FROM petition_view" + where)
                .params(args)
                .query(Long.class)
                .single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<PetitionView> items = jdbc.sql("SELECT * FROM petition_view" + where
                        + " ORDER BY received_on DESC, reference DESC LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query(this::map)
                .list();
        return new PetitionPage(items, query.page(), query.size(), total);
    }

    /** The register counts the petitions a selection matches up to this many, then says "at least". */
    public static final int REGISTER_COUNTED = 1000;

    /**
     * A page of the register: the petitions {@code query} selects, in its order. How many match is
     * counted only up to {@link #REGISTER_COUNTED}, so that no page counts the whole table.
     */
    public RegisterPage register(FindInRegister query, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = registerWhere(query, params);
        long matching = jdbc.sql(countSql(query, where, params))
                .params(params)
                .param("counted", REGISTER_COUNTED + 1)
                .query(Long.class)
                .single();
        // The count is bounded and cheap through the filters' indexes; it also says which way to read the page.
        String order = matching > REGISTER_COUNTED ? query.order().byIndex : query.order().sorted;
        List<PetitionView> rows = jdbc.sql("SELECT * FROM petition_view" + where + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size + 1)
                .param("offset", (long) page * size)
                .query(this::map)
                .list();
        return new RegisterPage(rows.stream().limit(size).toList(), page, size,
                Math.min(matching, REGISTER_COUNTED), matching > REGISTER_COUNTED, rows.size() > size);
    }

    /** More estimated matches than this, for a search by words: counted along the register's order. */
    static final long COMMON_WORDS = 10L * REGISTER_COUNTED;

    /**
     * How to count a selection's matches up to the bound. Planned as if every match were read (a LIMIT
     * would make the planner hope to meet the first matches early in a sequential scan, and read the
     * whole table when a combination of filters matches none), but read only up to the bound. Words
     * that most petitions hold are the exception: their text index would list every one of them before
     * the first is counted, so they are counted walking the register's own order, where the bound comes
     * after about as many petitions.
     */
    private String countSql(FindInRegister query, String where, Map<String, Object> params) {
        boolean text = query.text() != null && !query.text().isBlank();
        if (text && estimatedMatches(where, params) > COMMON_WORDS) {
            return "SELECT count(*) FROM (SELECT 1 FROM petition_view" + where + " ORDER BY " + query.order().byIndex
                    + " LIMIT :counted) c";
        }
        return "WITH m AS MATERIALIZED (SELECT 1 FROM petition_view" + where + ")"
                + " SELECT count(*) FROM (SELECT 1 FROM m LIMIT :counted) c";
    }

    /** The planner's estimate of how many petitions match {@code where}. */
    private long estimatedMatches(String where, Map<String, Object> params) {
        String plan = jdbc.sql("EXPLAIN (FORMAT JSON) SELECT 1 FROM petition_view" + where)
                .params(params)
                .query(String.class)
                .single();
        try {
            return json.readTree(plan).path(0).path("Plan").path("Plan Rows").asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL answered EXPLAIN with JSON it cannot read", e);
        }
    }

    /** The first {@code limit} petitions {@code query} selects, in its order: the register's download. */
    public List<PetitionView> registerRows(FindInRegister query, int limit) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT * FROM petition_view" + registerWhere(query, params) + " ORDER BY "
                        + query.order().byIndex + " LIMIT :limit")
                .params(params)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /**
     * The register's conditions. Words are matched by petition_view_matching (V18_6), through the text
     * indexes, which the commune policies keep a condition of this query from using; words that the
     * planner expects more than {@link #COMMON_WORDS} petitions to hold are matched here instead, row
     * by row along the register's order, where the first page's matches come soon.
     */
    private String registerWhere(FindInRegister query, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        String text = query.text() == null ? "" : query.text().strip();
        if (!text.isEmpty()) {
            params.put("text", text);
            // Names are searched only in the kinds whose petitioners the reader may see.
            List<String> nameKinds = query.namesOfKinds() == null ? List.of()
                    : query.namesOfKinds().stream().map(Enum::name).sorted().toList();
            StringBuilder words = new StringBuilder(" AND (reference = :text OR to_tsvector('simple',"
                    + " petition_fold(summary)) @@ plainto_tsquery('simple', petition_fold(:text))");
            if (!nameKinds.isEmpty()) {
                params.put("nameKindList", nameKinds);
                words.append(" OR (kind IN (:nameKindList) AND to_tsvector('simple', petition_names(petitioners))"
                        + " @@ plainto_tsquery('simple', petition_fold(:text)))");
            }
            words.append(")");
            if (estimatedMatches(" WHERE TRUE" + words, params) > COMMON_WORDS) {
                where.append(words);
            } else {
                params.put("nameKinds", String.join(",", nameKinds));
                where.append(" AND id IN (SELECT petition_view_matching(:text,"
                        + " CAST(string_to_array(:nameKinds, ',') AS varchar[]), petition_visible_communes()))");
            }
        }
        equal(where, params, "status", query.status() == null ? null : query.status().name());
        equal(where, params, "kind", query.kind() == null ? null : query.kind().name());
        equal(where, params, "channel", query.channel() == null ? null : query.channel().name());
        equal(where, params, "field", query.field());
        equal(where, params, "ward", query.ward());
        if (query.from() != null) {
            where.append(" AND received_on >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" AND received_on <= :to");
            params.put("to", query.to());
        }
        if (query.overdueOn() != null) {
            where.append(" AND closed_on IS NULL AND status <> 'SUSPENDED' AND due_on < :overdueOn");
            params.put("overdueOn", query.overdueOn());
        }
        return where.toString();
    }

    private static void equal(StringBuilder where, Map<String, Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = :").append(column);
            params.put(column, value);
        }
    }

    /** The fields petitions were filed under, in order; at most {@code limit}. Read from the index, value to value. */
    public List<String> fields(int limit) {
        return distinct("field", limit);
    }

    /** The wards petitions came from, in order; at most {@code limit}. */
    public List<String> wards(int limit) {
        return distinct("ward", limit);
    }

    private List<String> distinct(String column, int limit) {
        return jdbc.sql("""
                        WITH RECURSIVE v(value) AS (
                            SELECT min(%1$s) FROM petition_view WHERE %1$s IS NOT NULL
                            UNION ALL
                            SELECT (SELECT min(%1$s) FROM petition_view WHERE %1$s > v.value) FROM v WHERE v.value IS NOT NULL)
                        SELECT value FROM v WHERE value IS NOT NULL LIMIT :limit
                        """.formatted(column))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /**
     * The petitions open on {@code :day} and past their deadline then, in two parts that each read
     * through an index of their own: those open now, and those closed only after that day (none when
     * the day is today).
     */
    private static final String[] OVERDUE_ON = {
        "SELECT * FROM petition_view WHERE closed_on IS NULL AND status <> 'SUSPENDED' AND due_on < :day"
                + " AND received_on <= :day",
        "SELECT * FROM petition_view WHERE closed_on > :day AND due_on < :day AND received_on <= :day"};

    /**
     * The petitions open on {@code day} whose deadline had passed by then, the longest overdue first,
     * from the {@code offset}-th on, at most {@code limit}. A petition counts as open on a day if it
     * was received by then and not closed by then.
     */
    public List<PetitionView> overdueOn(LocalDate day, long offset, int limit) {
        // Each part sorted and cut on its own, so that the first pages read only their rows along the index.
        String part = " ORDER BY due_on, reference LIMIT :partLimit";
        return jdbc.sql("SELECT * FROM ((" + OVERDUE_ON[0] + part + ") UNION ALL (" + OVERDUE_ON[1] + part + ")) o"
                        + " ORDER BY due_on, reference OFFSET :offset LIMIT :limit")
                .param("day", day)
                .param("partLimit", offset + limit)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::map)
                .list()
                .stream()
                .map(view -> view.overdueOn(day))
                .toList();
    }

    /** How many petitions {@link #overdueOn} finds in all. */
    public long countOverdueOn(LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM (" + OVERDUE_ON[0] + " UNION ALL " + OVERDUE_ON[1] + ") o")
                .param("day", day)
                .query(Long.class)
                .single();
    }

    /** The open petitions due in [{@code from}, {@code to}], the soonest due first; at most {@code limit}. */
    public List<PetitionView> openDueBetween(LocalDate from, LocalDate to, int limit) {
        return openDueBetween(null, from, to, limit);
    }

    /**
     * The open petitions of {@code kind} (null: of every kind) due in [{@code from}, {@code to}], the
     * soonest due first; at most {@code limit}.
     */
    public List<PetitionView> openDueBetween(PetitionKind kind, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                SELECT * FROM petition_view
                WHERE closed_on IS NULL AND due_on BETWEEN :from AND :to
                  AND (CAST(:kind AS text) IS NULL OR kind = :kind)
                ORDER BY due_on, reference
                LIMIT :limit
                """)
                .param("from", from)
                .param("to", to)
                .param("kind", kind == null ? null : kind.name())
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** How many open petitions of each kind are due in [{@code from}, {@code to}]; a kind with none is absent. */
    public Map<PetitionKind, Long> openDueCountsByKind(LocalDate from, LocalDate to) {
        Map<PetitionKind, Long> counts = new EnumMap<>(PetitionKind.class);
        jdbc.sql("""
                SELECT kind, count(*) AS n FROM petition_view
                WHERE closed_on IS NULL AND due_on BETWEEN :from AND :to
                GROUP BY kind
                """)
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    counts.put(PetitionKind.valueOf(rs.getString("kind")), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * The petitions in {@code status}, the soonest due first (a received petition's due date is its
     * handling deadline, an accepted one's its resolution deadline); at most {@code limit}.
     */
    public List<PetitionView> inStatusByDueDate(PetitionStatus status, int limit) {
        // An open status is read along the open petitions' due dates (petition_view_open_due_on).
        return jdbc.sql("SELECT * FROM petition_view WHERE status = :status"
                        + (status.closed() ? "" : " AND closed_on IS NULL")
                        + " ORDER BY due_on NULLS LAST, reference LIMIT :limit")
                .param("status", status.name())
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /**
     * How many more times the deadline of each accepted petition among {@code ids} may be extended:
     * the extensions its acceptance allowed (kept in the PetitionAccepted event) less those recorded.
     * A petition not accepted is not in the map.
     */
    public Map<String, Integer> extensionsLeft(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> left = new HashMap<>();
        jdbc.sql("""
                SELECT a.aggregate_identifier AS id,
                       CAST(CAST(convert_from(a.payload, 'UTF8') AS jsonb) ->> 'extensionsAllowed' AS int)
                         - (SELECT count(*) FROM domainevententry x
                             WHERE x.aggregate_identifier = a.aggregate_identifier AND x.payload_type = :extended)
                         AS extensions_left
                FROM domainevententry a
                WHERE a.payload_type = :accepted AND a.aggregate_identifier IN (:ids)
                """)
                .param("accepted", PetitionAccepted.class.getName())
                .param("extended", DeadlineExtended.class.getName())
                .param("ids", List.copyOf(ids))
                .query(rs -> {
                    left.put(rs.getString("id"), Math.max(0, rs.getInt("extensions_left")));
                });
        return left;
    }

    private PetitionView map(ResultSet rs, int row) throws SQLException {
        return new PetitionView(
                rs.getString("id"),
                rs.getString("reference"),
                PetitionStatus.valueOf(rs.getString("status")),
                PetitionKind.valueOf(rs.getString("kind")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("field"),
                rs.getString("ward"),
                rs.getString("summary"),
                rs.getString("session_id"),
                rs.getObject("received_on", LocalDate.class),
                rs.getObject("handling_due_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class),
                Timeliness.of(rs.getObject("closed_on", LocalDate.class), rs.getObject("due_on", LocalDate.class)),
                null,
                rs.getLong("version"),
                read(rs.getString("petitioners"), PETITIONERS),
                read(rs.getString("handed_over"), HANDED_OVER),
                rs.getObject("appointment_on", LocalDate.class),
                read(rs.getString("steps"), STEPS),
                rs.getString("commune"));
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The petition view holds JSON it cannot read", e);
        }
    }
}
