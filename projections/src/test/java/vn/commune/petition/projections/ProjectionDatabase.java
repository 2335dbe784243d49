package vn.commune.petition.projections;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.commune.petition.projections.rebuild.ProjectionWrites;

/**
 * A real PostgreSQL for projection tests: one embedded server per JVM, migrated by Flyway from this
 * module's {@code db/migration}, and emptied before every test of a class that registers it.
 */
public final class ProjectionDatabase implements BeforeEachCallback {

    private final JdbcClient jdbc = JdbcClient.create(Server.DATA_SOURCE);

    /** The migrated database. */
    public DataSource dataSource() {
        return Server.DATA_SOURCE;
    }

    /** A client on the migrated database. */
    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Writes for a projection's handlers, run at once. */
    public ProjectionWrites writes() {
        return new NamedParameterJdbcTemplate(Server.DATA_SOURCE)::update;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        List<String> tables = jdbc.sql("""
                        SELECT quote_ident(table_name) FROM information_schema.tables
                         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                           AND table_name <> 'flyway_schema_history'
                        """)
                .query(String.class)
                .list();
        if (!tables.isEmpty()) {
            jdbc.sql("TRUNCATE " + String.join(", ", tables)).update();
        }
    }

    /** Started on first use; zonky's own shutdown hook stops the server and deletes its data. */
    private static final class Server {

        static final DataSource DATA_SOURCE = start();

        private static DataSource start() {
            EmbeddedPostgres postgres;
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(4);
            HikariDataSource dataSource = new HikariDataSource(config);
            Runtime.getRuntime().addShutdownHook(new Thread(dataSource::close, "projection-database-pool"));
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .placeholders(Map.of("default_commune", ""))
                    .load()
                    .migrate();
            return dataSource;
        }
    }
}
