package vn.commune.petition.projections.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.projections.ProjectionDatabase;

/**
 * The buckets of V18_4, kept by triggers from count_petition and count_mediation through inserts,
 * updates and deletes in any order, give every figure of any period exactly as counting the petitions
 * one by one does (the definitions of PRODUCT.md, restated here over the rows), and equal buckets
 * computed at once from the same rows.
 */
class CountBucketsTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private static final LocalDate START = LocalDate.of(2023, 11, 20);
    private static final List<PetitionStatus> CLOSED = Arrays.stream(PetitionStatus.values())
            .filter(PetitionStatus::closed).toList();

    private final JdbcClient jdbc = database.jdbc();
    private final CountsQueries queries = new CountsQueries(jdbc);

    /** One count_petition row, as the test keeps it. */
    private record Row(String id, String commune, LocalDate receivedOn, LocalDate acceptedOn, LocalDate dueOn,
                       LocalDate closedOn, String closedAs, LocalDate suspendedOn, String kind, String field,
                       String channel, String ward) {

        Row steps(LocalDate acceptedOn, LocalDate dueOn, LocalDate closedOn, String closedAs, LocalDate suspendedOn) {
            return new Row(id, commune, receivedOn, acceptedOn, dueOn, closedOn, closedAs, suspendedOn, kind, field,
                    channel, ward);
        }

        Row field(String field) {
            return new Row(id, commune, receivedOn, acceptedOn, dueOn, closedOn, closedAs, suspendedOn, kind, field,
                    channel, ward);
        }
    }

    private record Mediation(String id, long sequence, String commune, LocalDate heldOn, String outcome) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void any_period_counts_as_the_petitions_one_by_one(long seed) {
        Random random = new Random(seed);
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Mediation> mediations = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Row row = random(random, "p" + i, random.nextBoolean() ? "10105" : "10106");
            insert(row);
            rows.put(row.id(), row);
            if (random.nextInt(4) == 0) {
                Mediation mediation = new Mediation(row.id(), i, row.commune(), day(random, row.receivedOn(), 60),
                        random.nextBoolean() ? "SUCCEEDED" : "FAILED");
                jdbc.sql("INSERT INTO count_mediation (petition_id, sequence, held_on, outcome, commune)"
                                + " VALUES (:id, :sequence, :heldOn, :outcome, :commune)")
                        .paramSource(mediation).update();
                mediations.add(mediation);
            }
        }
        // Steps recorded later: each row changed again, some twice, a few deleted, in one statement or several.
        for (int round = 0; round < 2; round++) {
            for (Row row : List.copyOf(rows.values())) {
                int what = random.nextInt(10);
                if (what == 0) {
                    jdbc.sql("DELETE FROM count_petition WHERE petition_id = :id").param("id", row.id()).update();
                    rows.remove(row.id());
                } else if (what < 6) {
                    Row other = random(random, row.id(), row.commune());
                    Row changed = row.steps(other.acceptedOn() == null ? null : day(random, row.receivedOn(), 40),
                            other.dueOn(), other.closedOn() == null ? null : day(random, row.receivedOn(), 150),
                            other.closedOn() == null ? null : other.closedAs(), other.suspendedOn());
                    update(changed);
                    rows.put(row.id(), changed);
                }
            }
        }
        // A redelivered step changes nothing.
        rows.values().stream().limit(20).forEach(this::update);
        jdbc.sql("UPDATE count_petition SET field = field || '.' WHERE kind = 'COMPLAINT'").update();
        rows.replaceAll((id, row) -> row.kind().equals("COMPLAINT") ? row.field(row.field() + ".") : row);

        for (int i = 0; i < 40; i++) {
            LocalDate from = day(random, START, 200);
            LocalDate to = i % 5 == 0 ? from : day(random, from, 120);
            if (i % 4 == 1) {
                from = from.withDayOfMonth(1);
                to = from.plusMonths(1 + random.nextInt(6)).minusDays(1);
            }
            assertThat(queries.count(from, to))
                    .as("%s to %s", from, to).isEqualTo(expected(rows.values(), mediations, null, from, to));
            Map<String, PetitionCounts> byCommune = queries.countByCommune(from, to);
            for (String commune : List.of("10105", "10106")) {
                PetitionCounts expected = figures(expected(rows.values(), mediations, commune, from, to));
                assertThat(figures(byCommune.getOrDefault(commune, expected(List.of(), List.of(), null, from, to))))
                        .as("%s from %s to %s", commune, from, to).isEqualTo(expected);
            }
        }
        List<Map<String, Object>> kept = buckets();
        assertThat(bucketsComputedAtOnce()).isEqualTo(kept);
    }

    @Test
    void a_petition_taken_away_leaves_no_bucket() {
        Row row = new Row("p", "10105", LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 8), LocalDate.of(2024, 2, 5),
                LocalDate.of(2024, 3, 1), "RESOLVED", null, "COMPLAINT", "Đất đai", "IN_PERSON", null);
        insert(row);
        assertThat(buckets()).isNotEmpty();

        update(row.steps(null, null, null, null, null));
        jdbc.sql("DELETE FROM count_petition").update();

        assertThat(buckets()).isEmpty();
    }

    private static Row random(Random random, String id, String commune) {
        LocalDate received = day(random, START, 180);
        LocalDate accepted = random.nextInt(3) == 0 ? null : day(random, received, 20);
        LocalDate due = random.nextInt(5) == 0 ? null : day(random, received, 60);
        boolean closed = random.nextInt(3) > 0;
        LocalDate closedOn = closed ? day(random, received, 120) : null;
        String closedAs = closed ? CLOSED.get(random.nextInt(CLOSED.size())).name() : null;
        LocalDate suspended = random.nextInt(6) == 0 ? day(random, received, 90) : null;
        return new Row(id, commune, received, accepted, due, closedOn, closedAs, suspended,
                List.of("COMPLAINT", "DENUNCIATION", "RECOMMENDATION").get(random.nextInt(3)),
                List.of("Đất đai", "Môi trường", "Chính sách").get(random.nextInt(3)),
                List.of("IN_PERSON", "POST", "ONLINE").get(random.nextInt(3)),
                random.nextInt(4) == 0 ? null : "Thôn " + random.nextInt(3));
    }

    private static LocalDate day(Random random, LocalDate from, int within) {
        return from.plusDays(random.nextInt(within));
    }

    private void insert(Row row) {
        jdbc.sql("""
                        INSERT INTO count_petition (petition_id, commune, received_on, kind, channel, field, ward,
                            accepted_on, due_on, closed_on, closed_as, suspended_on)
                        VALUES (:id, :commune, :receivedOn, :kind, :channel, :field, :ward,
                            :acceptedOn, :dueOn, :closedOn, :closedAs, :suspendedOn)""")
                .paramSource(row).update();
    }

    private void update(Row row) {
        jdbc.sql("""
                        UPDATE count_petition SET accepted_on = :acceptedOn, due_on = :dueOn, closed_on = :closedOn,
                            closed_as = :closedAs, suspended_on = :suspendedOn
                         WHERE petition_id = :id""")
                .paramSource(row).update();
    }

    /** The figures of PRODUCT.md over the rows of one commune, or of all if {@code commune} is null. */
    private static PetitionCounts expected(Iterable<Row> rows, List<Mediation> mediations, String commune,
                                           LocalDate from, LocalDate to) {
        long received = 0;
        long carriedOver = 0;
        long accepted = 0;
        long openAtEnd = 0;
        long overdue = 0;
        long[] closedAs = new long[PetitionStatus.values().length];
        long[] timeliness = new long[3];
        Map<String, Long> byKind = new HashMap<>();
        Map<String, Long> byField = new HashMap<>();
        Map<String, Long> byChannel = new HashMap<>();
        Map<String, Long> byWard = new HashMap<>();
        for (Row row : rows) {
            if (commune != null && !commune.equals(row.commune())) {
                continue;
            }
            if (within(row.receivedOn(), from, to)) {
                received++;
                byKind.merge(row.kind(), 1L, Long::sum);
                byField.merge(row.field(), 1L, Long::sum);
                byChannel.merge(row.channel(), 1L, Long::sum);
                byWard.merge(row.ward() == null ? "" : row.ward(), 1L, Long::sum);
            }
            boolean openAt = row.closedOn() == null || !row.closedOn().isBefore(from);
            carriedOver += row.receivedOn().isBefore(from) && openAt ? 1 : 0;
            accepted += within(row.acceptedOn(), from, to) ? 1 : 0;
            boolean openAtTo = !row.receivedOn().isAfter(to) && (row.closedOn() == null || row.closedOn().isAfter(to));
            openAtEnd += openAtTo ? 1 : 0;
            overdue += openAtTo && row.dueOn() != null && row.dueOn().isBefore(to)
                    && (row.suspendedOn() == null || row.suspendedOn().isAfter(to)) ? 1 : 0;
            if (within(row.closedOn(), from, to)) {
                closedAs[PetitionStatus.valueOf(row.closedAs()).ordinal()]++;
                if (row.dueOn() != null) {
                    timeliness[Integer.signum(row.closedOn().compareTo(row.dueOn())) + 1]++;
                }
            }
        }
        long succeeded = mediations.stream().filter(m -> commune == null || commune.equals(m.commune()))
                .filter(m -> within(m.heldOn(), from, to) && m.outcome().equals("SUCCEEDED")).count();
        long failed = mediations.stream().filter(m -> commune == null || commune.equals(m.commune()))
                .filter(m -> within(m.heldOn(), from, to) && m.outcome().equals("FAILED")).count();
        return new PetitionCounts(from, to, received, carriedOver, accepted,
                closedAs[PetitionStatus.RESOLVED.ordinal()], closedAs[PetitionStatus.ESCALATED.ordinal()],
                closedAs[PetitionStatus.FORWARDED.ordinal()], closedAs[PetitionStatus.GUIDED.ordinal()],
                closedAs[PetitionStatus.REJECTED.ordinal()], closedAs[PetitionStatus.ARCHIVED.ordinal()],
                closedAs[PetitionStatus.WITHDRAWN.ordinal()], closedAs[PetitionStatus.TERMINATED.ordinal()],
                succeeded, failed, openAtEnd, overdue, timeliness[0], timeliness[1], timeliness[2],
                byKind, byField, byChannel, byWard);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    /** The counts without their breakdowns, which a province's counts by commune leave out. */
    private static PetitionCounts figures(PetitionCounts counts) {
        return new PetitionCounts(counts.from(), counts.to(), counts.received(), counts.carriedOver(),
                counts.accepted(), counts.resolved(), counts.escalated(), counts.forwarded(), counts.guided(),
                counts.rejected(), counts.archived(), counts.withdrawn(), counts.terminated(),
                counts.mediationSucceeded(), counts.mediationFailed(), counts.openAtEnd(), counts.overdueAtEnd(),
                counts.closedEarly(), counts.closedOnTime(), counts.closedLate(), Map.of(), Map.of(), Map.of(),
                Map.of());
    }

    /** The buckets, then the keys' buckets, in order. */
    private List<Map<String, Object>> buckets() {
        List<Map<String, Object>> buckets = new ArrayList<>(
                jdbc.sql("SELECT * FROM count_bucket ORDER BY commune, span, starts_on").query().listOfRows());
        buckets.addAll(jdbc.sql("SELECT * FROM count_bucket_key ORDER BY commune, span, starts_on, dimension, key")
                .query().listOfRows());
        return buckets;
    }

    private List<Map<String, Object>> bucketsComputedAtOnce() {
        jdbc.sql("TRUNCATE count_bucket, count_bucket_key").update();
        jdbc.sql("CALL count_bucket_fill(0, 1)").update();
        return buckets();
    }
}
