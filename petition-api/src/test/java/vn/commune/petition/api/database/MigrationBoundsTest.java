package vn.commune.petition.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migration runs without the bounds the service's connections put on every transaction
 * (petition.db's statement and transaction timeouts): on a deployment's data one may rightly run for
 * minutes, and the service would not start. {@code db/migration/beforeEachMigrate.sql} lifts them for
 * each migration's transaction alone, and Flyway's lock holds no transaction open meanwhile
 * (Migrations). Here the bounds are far shorter than a test migration's sleep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationBoundsTest {

    /** Bounds far below the test migration's 1.5 s (db/slow-migration). */
    private static final String BOUNDS = "-c statement_timeout=300 -c transaction_timeout=600";

    private EmbeddedPostgres postgres;

    @BeforeAll
    void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    void stop() throws IOException {
        postgres.close();
    }

    private PGSimpleDataSource bounded(String database) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.getJdbcUrl("postgres", database));
        dataSource.setOptions(BOUNDS);
        return dataSource;
    }

    @Test
    void the_service_migrations_and_a_slow_one_run_past_the_bounds_which_the_connection_keeps() throws SQLException {
        PGSimpleDataSource dataSource = bounded("lifted");
        Migrations.configure(Flyway.configure()).dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/slow-migration")
                .placeholders(Map.of("default_commune", ""))
                .load().migrate();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet slow = statement.executeQuery("SELECT success FROM flyway_schema_history WHERE version = '9999'")) {
            assertThat(slow.next() && slow.getBoolean(1)).as("the slow migration applied").isTrue();
            try (ResultSet timeout = statement.executeQuery("SHOW statement_timeout")) {
                timeout.next();
                assertThat(timeout.getString(1)).as("a connection's own bound, after").isEqualTo("300ms");
            }
        }
    }

    /** Without the callback (Flyway's skipDefaultCallbacks), the same slow migration is cut off. */
    @Test
    void without_the_callback_the_bounds_cut_a_slow_migration_off() throws SQLException {
        PGSimpleDataSource dataSource = bounded("bounded");
        Flyway flyway = Migrations.configure(Flyway.configure()).dataSource(dataSource)
                .locations("classpath:db/slow-migration")
                .skipDefaultCallbacks(true)
                .load();
        assertThatThrownBy(flyway::migrate).isInstanceOf(FlywayException.class)
                .hasMessageContaining("V9999__slow.sql");
    }
}
