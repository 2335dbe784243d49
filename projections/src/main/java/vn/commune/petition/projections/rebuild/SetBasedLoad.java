package vn.commune.petition.projections.rebuild;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a copy by the projection's set-based statements, from the events stored up to the run's head,
 * one statement after the other (a statement may read the tables those before it wrote), each in as
 * many transactions at once as there are writers. A statement is given {@code :upTo}, the head;
 * {@code :gaps}, the positions below it with no event yet (a transaction still writing one, or one
 * rolled back), as a bigint array in text ({@code "{5,9}"}); and {@code :part} of {@code :parts}, the
 * share of the aggregates to write (by {@code hashtext(aggregate_identifier)}); and {@code :commune}, the
 * commune of the events whose metadata carries none (EventCommune). The handlers then go
 * on from the head, and apply first the events of the gaps, if they come.
 */
final class SetBasedLoad {

    private SetBasedLoad() {
    }

    /**
     * Loads the copy in {@code schema} and returns the token the handlers go on from; null if no event
     * is stored. Gaps are looked for as far back as the storage engine's tokens keep them ({@code gapWindow}).
     */
    static TrackingToken load(ProjectionDefinition projection, String schema, long head, int gapWindow,
                              DataSource dataSource, Writers writers, Run run) {
        if (head < 0) {
            return null;
        }
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<Long> gaps = jdbc.sql("""
                        SELECT g FROM generate_series(GREATEST(:upTo - :window,
                                   (SELECT min(global_index) FROM domainevententry)), :upTo) AS g
                         WHERE NOT EXISTS (SELECT 1 FROM domainevententry WHERE global_index = g)
                        """)
                .param("upTo", head).param("window", gapWindow).query(Long.class).list();
        String gapArray = gaps.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        inParts(projection.setBasedRebuild(), schema, Map.of("upTo", head, "gaps", gapArray,
                "commune", projection.communes().configured()), dataSource, writers);
        run.advance(jdbc.sql("SELECT count(*) FROM domainevententry WHERE global_index <= :upTo")
                .param("upTo", head).query(Long.class).single());
        return GapAwareTrackingToken.newInstance(head, gaps);
    }

    /**
     * Runs the statements one after the other on the copy in {@code schema}, each in as many
     * transactions at once as there are writers, given {@code params} and its {@code :part} of
     * {@code :parts}.
     */
    static void inParts(List<String> statements, String schema, Map<String, Object> params, DataSource dataSource,
                        Writers writers) {
        int parts = writers.parts();
        for (String statement : statements) {
            writers.run(IntStream.range(0, parts).<Runnable>mapToObj(part -> () -> {
                JdbcClient load = JdbcClient.create(dataSource);
                load.sql("SET LOCAL search_path TO " + schema + ", public").update();
                // Enough for the groupings (by petition, by commune and day) to sort in memory.
                load.sql("SET LOCAL work_mem = '256MB'").update();
                load.sql(statement).params(params).param("part", part).param("parts", parts).update();
            }).toList());
        }
    }
}
