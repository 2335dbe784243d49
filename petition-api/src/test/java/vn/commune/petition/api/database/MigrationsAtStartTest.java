package vn.commune.petition.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * The service's own migration at start is set as MigrationBoundsTest proves it must be: Flyway's lock
 * a session's, and the callback that lifts each migration's bounds in use.
 */
@PetitionServiceTest
class MigrationsAtStartTest {

    @Autowired
    Flyway flyway;

    @Test
    void the_migration_at_start_holds_a_sessions_lock_and_runs_the_callbacks() {
        assertThat(flyway.getConfiguration().getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class)
                .isTransactionalLock()).isFalse();
        assertThat(flyway.getConfiguration().isSkipDefaultCallbacks()).isFalse();
    }
}
