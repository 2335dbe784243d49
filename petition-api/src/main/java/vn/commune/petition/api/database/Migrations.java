package vn.commune.petition.api.database;

import java.util.Map;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the service's Flyway migrations run, at every start and in a restore (DatabaseBackup) alike:
 * without the bounds every connection puts on a transaction (petition.db's statement, idle and
 * transaction timeouts), which a migration of a deployment's data may rightly outlast.
 *
 * <p>Each migration's transaction lifts them for itself ({@code db/migration/beforeEachMigrate.sql},
 * {@code SET LOCAL}, as TransactionBounds does). What this adds: Flyway holds its lock against a
 * second instance migrating at once as a session's advisory lock, not a transaction's, since that
 * transaction would stay open, idle, on its own connection for the whole run, and the idle and
 * transaction timeouts would end it (and the start) once the migrations took longer than they allow.
 */
@Configuration(proxyBeanMethods = false)
public class Migrations {

    /** Flyway's setting for PostgreSQL: a transaction's advisory lock (its default) or a session's. */
    private static final String TRANSACTIONAL_LOCK = "flyway.postgresql.transactional.lock";

    /** {@code configuration}, set to run the service's migrations as above. */
    public static FluentConfiguration configure(FluentConfiguration configuration) {
        return configuration.configuration(Map.of(TRANSACTIONAL_LOCK, "false"));
    }

    /** Spring Boot's migration at start. */
    @Bean
    FlywayConfigurationCustomizer unboundedMigrations() {
        return Migrations::configure;
    }
}
