package vn.commune.petition.projections.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.session.RefusalGround;
import vn.commune.petition.domain.session.SessionKind;
import vn.commune.petition.domain.session.VisitOutcome;
import vn.commune.petition.domain.session.Visitor;

/** Reads the reception register: one session with its visits, the sessions of a period, their totals. */
@Component
public class SessionQueries {

    private final JdbcClient jdbc;

    public SessionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SessionView> find(String id) {
        return jdbc.sql("SELECT * FROM reception_session WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> session(rs, visits(List.of(id)).getOrDefault(id, List.of())))
                .optional();
    }

    /** The sessions held in [from, to], oldest first, each with its visits. */
    public List<SessionView> list(LocalDate from, LocalDate to) {
        List<String> ids = jdbc.sql("SELECT id FROM reception_session WHERE held_on BETWEEN :from AND :to")
                .param("from", from)
                .param("to", to)
                .query(String.class)
                .list();
        Map<String, List<VisitView>> visits = visits(ids);
        return jdbc.sql("SELECT * FROM reception_session WHERE held_on BETWEEN :from AND :to"
                        + " ORDER BY held_on, id")
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> session(rs, visits.getOrDefault(rs.getString("id"), List.of())))
                .list();
    }

    /** The days in [from, to] on which a session was held. */
    public List<LocalDate> daysHeld(LocalDate from, LocalDate to) {
        return days(from, to, "");
    }

    /**
     * The days in [from, to] on which the head received citizens in person (tiếp định kỳ, not
     * delegated): what the monthly minimum of Luật 136/2025/QH15 counts.
     */
    public List<LocalDate> periodicDaysInPerson(LocalDate from, LocalDate to) {
        return days(from, to, " AND kind = 'PERIODIC' AND hosted_in_person");
    }

    /** The days in [from, to] with a session that also meets {@code condition} (SQL from this class only). */
    private List<LocalDate> days(LocalDate from, LocalDate to, String condition) {
        return jdbc.sql("SELECT DISTINCT held_on FROM reception_session WHERE held_on BETWEEN :from AND :to"
                        + condition + " ORDER BY held_on")
                .param("from", from)
                .param("to", to)
                .query(LocalDate.class)
                .list();
    }

    /** The reception totals of [from, to]: sessions, visits, people and group delegations. */
    public ReceptionTotals totals(LocalDate from, LocalDate to) {
        // One statement: the counts page reads these with the petitions' counts, on every step.
        Map<String, Object> totals = jdbc.sql("""
                SELECT s.*, v.* FROM
                  (SELECT count(*) AS sessions,
                          count(*) FILTER (WHERE hosted_in_person) AS in_person,
                          count(*) FILTER (WHERE NOT hosted_in_person) AS delegated
                   FROM reception_session WHERE held_on BETWEEN :from AND :to) s,
                  (SELECT count(*) AS visits,
                          COALESCE(sum(people), 0) AS people,
                          count(*) FILTER (WHERE group_visit) AS groups,
                          COALESCE(sum(people) FILTER (WHERE group_visit), 0) AS group_people,
                          count(*) FILTER (WHERE NOT repeat_visit) AS first_visits,
                          count(*) FILTER (WHERE repeat_visit) AS repeat_visits
                   FROM reception_visit WHERE held_on BETWEEN :from AND :to) v
                """)
                .param("from", from)
                .param("to", to)
                .query()
                .singleRow();
        return new ReceptionTotals(
                number(totals, "sessions"), number(totals, "in_person"), number(totals, "delegated"),
                number(totals, "visits"), number(totals, "people"), number(totals, "groups"),
                number(totals, "group_people"), number(totals, "first_visits"), number(totals, "repeat_visits"));
    }

    private Map<String, List<VisitView>> visits(List<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM reception_visit WHERE session_id IN (:ids) ORDER BY session_id, number")
                .param("ids", sessionIds)
                .query(SessionQueries::visit)
                .list()
                .stream()
                .collect(Collectors.groupingBy(VisitView::sessionId));
    }

    private static SessionView session(ResultSet rs, List<VisitView> visits) throws SQLException {
        return new SessionView(rs.getString("id"), rs.getObject("held_on", LocalDate.class),
                SessionKind.valueOf(rs.getString("kind")), rs.getString("host"), rs.getBoolean("hosted_in_person"),
                rs.getBoolean("closed"), rs.getLong("version"), visits);
    }

    private static VisitView visit(ResultSet rs, int row) throws SQLException {
        String ground = rs.getString("legal_ground");
        return new VisitView(rs.getString("id"), rs.getString("session_id"), rs.getInt("number"),
                rs.getObject("held_on", LocalDate.class), rs.getInt("people"), rs.getBoolean("group_visit"),
                (Integer) rs.getObject("representatives"), rs.getBoolean("repeat_visit"),
                PetitionKind.valueOf(rs.getString("kind")), rs.getString("summary"),
                VisitOutcome.valueOf(rs.getString("outcome")), rs.getString("petition_id"),
                ground == null ? null : RefusalGround.valueOf(ground), visitor(rs));
    }

    private static Visitor visitor(ResultSet rs) throws SQLException {
        String name = rs.getString("visitor_full_name");
        String address = rs.getString("visitor_address");
        String idNumber = rs.getString("visitor_id_number");
        return name == null && address == null && idNumber == null ? null : new Visitor(name, address, idNumber);
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
