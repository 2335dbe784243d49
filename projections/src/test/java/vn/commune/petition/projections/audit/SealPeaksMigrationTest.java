package vn.commune.petition.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database sealed before seals kept their peaks: the migration links each seal to the one before,
 * and leaves their peaks empty, so that the next seal reads every hash once and old seals verify as
 * they did.
 */
class SealPeaksMigrationTest {

    @Test
    void seals_made_before_are_linked_in_order_and_keep_no_peaks() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            flyway(dataSource, "17.5").migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            for (int i = 1; i <= 3; i++) {
                jdbc.sql("""
                                INSERT INTO audit_seal (up_to_global_index, event_count, merkle_root, sealed_at, sealed_by)
                                VALUES (:i, :i, repeat('a', 64), now(), 'system')""")
                        .param("i", i * 10).update();
            }
            flyway(dataSource, "latest").migrate();
            List<String> links = jdbc.sql("""
                            SELECT s.up_to_global_index || ' after ' || coalesce(p.up_to_global_index::text, 'none')
                                   || ' peaks ' || coalesce(s.merkle_peaks, 'none')
                              FROM audit_seal s LEFT JOIN audit_seal p ON p.id = s.previous_seal_id ORDER BY s.id""")
                    .query(String.class).list();
            assertThat(links).containsExactly("10 after none peaks none", "20 after 10 peaks none",
                    "30 after 20 peaks none");
        }
    }

    private static Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target)
                .placeholders(Map.of("default_commune", "")).load();
    }
}
