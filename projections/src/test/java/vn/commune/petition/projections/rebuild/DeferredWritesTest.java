package vn.commune.petition.projections.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.DeadlineExtended;
import vn.commune.petition.domain.petition.MediationFailed;
import vn.commune.petition.domain.petition.MediationSucceeded;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionAnswered;
import vn.commune.petition.domain.petition.PetitionEscalated;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.PetitionWithdrawn;
import vn.commune.petition.domain.petition.Petitioner;
import vn.commune.petition.projections.ProjectionDatabase;
import vn.commune.petition.projections.commune.EventCommune;
import vn.commune.petition.projections.counts.CountsProjection;
import vn.commune.petition.projections.petition.PetitionViewProjection;

/**
 * A rebuild batches the projections' writes and reorders them; the tables must come out exactly as
 * the live projection, one statement per event, makes them. Streams here interleave petitions so
 * that, within one flush, a later petition's first write comes after an earlier petition's update.
 */
class DeferredWritesTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private static final List<String> TABLES = List.of("count_petition", "count_mediation", "count_fact",
            "petition_view");
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void batched_writes_leave_the_same_tables_as_one_statement_per_event() {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            List<DomainEventMessage<PetitionEvent>> stream = interleavedStream(random, 120);

            apply(stream, database.writes(), null, 0);
            Map<String, List<String>> oneByOne = snapshot();

            database.beforeEach(null);
            DeferredWrites writes = new DeferredWrites();
            int flushEvery = 1 + random.nextInt(stream.size());
            apply(stream, writes, writes, flushEvery);
            flush(writes);
            Map<String, List<String>> batched = snapshot();

            assertThat(batched).as("seed %d, a flush every %d events", seed, flushEvery).isEqualTo(oneByOne);
            assertThat(oneByOne.get("count_petition")).hasSize(120);
            database.beforeEach(null);
        }
    }

    @Test
    void writes_taken_and_written_in_parts_by_aggregate_leave_the_same_tables() {
        List<DomainEventMessage<PetitionEvent>> stream = interleavedStream(new Random(11), 120);
        apply(stream, database.writes(), null, 0);
        Map<String, List<String>> oneByOne = snapshot();
        database.beforeEach(null);

        DeferredWrites writes = new DeferredWrites();
        apply(stream, writes, writes, 0);
        DeferredWrites.Pending taken = writes.take();
        assertThat(taken.divisible()).isTrue();
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        // The parts in reverse order: each holds whole petitions, which commute with the others'.
        for (int part = 2; part >= 0; part--) {
            taken.writeTo(jdbc, part, 3);
        }
        assertThat(snapshot()).isEqualTo(oneByOne);
    }

    @Test
    void an_update_held_back_runs_after_the_insert_of_its_own_petition_even_behind_other_petitions() {
        DeferredWrites writes = new DeferredWrites();
        apply(List.of(message(received("a"), 0), message(received("b"), 0)), writes, writes, 0);
        flush(writes);
        // The next flush starts with an update ("a" accepted) and then inserts "c" and updates it: a
        // batch per statement in order of appearance, without levels, would run c's update (batched
        // with a's) before c's insert, and lose it.
        apply(List.of(message(accepted("a"), 1), message(received("c"), 0), message(accepted("c"), 1),
                message(accepted("b"), 1)), writes, writes, 0);
        assertThat(writes.pending()).isPositive();
        flush(writes);

        assertThat(database.jdbc().sql("SELECT petition_id FROM count_petition WHERE accepted_on IS NOT NULL"
                        + " ORDER BY petition_id").query(String.class).list())
                .containsExactly("a", "b", "c");
        assertThat(database.jdbc().sql("SELECT id || ':' || status FROM petition_view ORDER BY id")
                .query(String.class).list())
                .containsExactly("a:ACCEPTED", "b:ACCEPTED", "c:ACCEPTED");
    }

    @Test
    void a_write_outside_an_aggregate_runs_after_the_writes_before_it_and_before_those_after_it() {
        DeferredWrites writes = new DeferredWrites();
        String insert = "INSERT INTO count_petition (petition_id, received_on, kind, channel, field, commune)"
                + " VALUES (:id, DATE '2024-01-02', 'COMPLAINT', 'POST', 'Đất đai', '10105')";
        writes.handling("a");
        writes.sql(insert).param("id", "a").update();
        writes.handling(null);
        writes.sql("UPDATE count_petition SET ward = :ward").param("ward", "Khu 1").update();
        writes.handling("b");
        writes.sql(insert).param("id", "b").update();
        assertThat(database.jdbc().sql("SELECT count(*) FROM count_petition").query(Long.class).single()).isZero();

        DeferredWrites.Pending taken = writes.take();
        assertThat(taken.writes()).isEqualTo(3);
        assertThat(taken.divisible()).isFalse();
        assertThat(writes.pending()).isZero();
        taken.writeTo(new JdbcTemplate(database.dataSource()));

        assertThat(database.jdbc().sql("SELECT petition_id || ':' || COALESCE(ward, '-') FROM count_petition"
                + " ORDER BY 1").query(String.class).list()).containsExactly("a:Khu 1", "b:-");
    }

    private static void flush(DeferredWrites writes) {
        writes.take().writeTo(new JdbcTemplate(database.dataSource()));
    }

    private static void apply(List<DomainEventMessage<PetitionEvent>> stream, ProjectionWrites through,
                              DeferredWrites writes, int flushEvery) {
        List<AnnotationEventHandlerAdapter> handlers = List.of(
                new AnnotationEventHandlerAdapter(new CountsProjection(through, Clock.systemUTC(), new SimpleMeterRegistry(),
                        new EventCommune("10105"))),
                new AnnotationEventHandlerAdapter(new PetitionViewProjection(through, JSON, new EventCommune("10105"))));
        int applied = 0;
        for (DomainEventMessage<PetitionEvent> message : stream) {
            if (writes != null) {
                writes.handling(message.getAggregateIdentifier());
            }
            for (AnnotationEventHandlerAdapter handler : handlers) {
                try {
                    handler.handle(message);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            if (writes != null && flushEvery > 0 && ++applied % flushEvery == 0) {
                flush(writes);
            }
        }
    }

    private static Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, database.jdbc().sql("SELECT row_to_json(t)::text FROM " + table + " t ORDER BY 1")
                    .query(String.class).list());
        }
        return tables;
    }

    /** Petitions through their lifecycle, their events shuffled together in a random but causal order. */
    private static List<DomainEventMessage<PetitionEvent>> interleavedStream(Random random, int petitions) {
        List<List<PetitionEvent>> lives = new ArrayList<>();
        for (int p = 0; p < petitions; p++) {
            String id = "p" + p;
            LocalDate on = LocalDate.of(2024, 1, 2).plusDays(random.nextInt(150));
            List<PetitionEvent> life = new ArrayList<>();
            life.add(new PetitionReceived(id, "ref-" + id, on, Channel.POST, PetitionKind.values()[random.nextInt(4)],
                    "Đất đai", "Tranh chấp", List.of(new Petitioner("Công dân " + p, "Khu " + p % 7, null, null)),
                    "Khu " + p % 7, null, on.plusDays(10), "VN-2019", List.of(), null, null));
            if (random.nextInt(5) > 0) {
                life.add(new PetitionAccepted(id, on.plusDays(2), PetitionKind.COMPLAINT, Complexity.NORMAL,
                        on.plusDays(32), "VN-2019", 1, 30));
                if (random.nextBoolean()) {
                    life.add(random.nextBoolean()
                            ? new MediationSucceeded(id, on.plusDays(5), "BB-" + p, null)
                            : new MediationFailed(id, on.plusDays(5), "BB-" + p, null));
                }
                if (random.nextInt(4) == 0) {
                    life.add(new DeadlineExtended(id, on.plusDays(20), 30, "Phức tạp", 1, on.plusDays(62)));
                }
                switch (random.nextInt(4)) {
                    case 0 -> life.add(new PetitionAnswered(id, on.plusDays(25), p + "/UBND", "Trả lời"));
                    case 1 -> life.add(new PetitionEscalated(id, on.plusDays(25), null, "UBND huyện", "Không thành"));
                    case 2 -> life.add(new PetitionWithdrawn(id, on.plusDays(25), "Rút đơn"));
                    default -> { }
                }
            }
            lives.add(life);
        }
        List<DomainEventMessage<PetitionEvent>> stream = new ArrayList<>();
        int[] next = new int[petitions];
        List<Integer> open = new ArrayList<>();
        for (int p = 0; p < petitions; p++) {
            open.add(p);
        }
        while (!open.isEmpty()) {
            int pick = random.nextInt(open.size());
            int p = open.get(pick);
            stream.add(message(lives.get(p).get(next[p]), next[p]));
            if (++next[p] == lives.get(p).size()) {
                open.remove(pick);
            }
        }
        return stream;
    }

    private static DomainEventMessage<PetitionEvent> message(PetitionEvent event, long sequence) {
        return new GenericDomainEventMessage<>("Petition", event.petitionId(), sequence, event, MetaData.emptyInstance(),
                "event-" + event.petitionId() + "-" + sequence, Instant.parse("2024-07-01T00:00:00Z").plusSeconds(sequence));
    }

    private static PetitionReceived received(String id) {
        LocalDate on = LocalDate.of(2024, 3, 7);
        return new PetitionReceived(id, "ref-" + id, on, Channel.POST, PetitionKind.COMPLAINT, "Đất đai", "Tranh chấp",
                List.of(new Petitioner("Công dân", "Khu 1", null, null)), "Khu 1", null, on.plusDays(10), "VN-2019", List.of(), null, null);
    }

    private static PetitionAccepted accepted(String id) {
        LocalDate on = LocalDate.of(2024, 3, 8);
        return new PetitionAccepted(id, on, PetitionKind.COMPLAINT, Complexity.NORMAL, on.plusDays(30), "VN-2019", 1, 30);
    }

}
