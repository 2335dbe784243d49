package vn.commune.petition.api.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: a real PostgreSQL started from the zonky binaries, its data kept under
 * {@code petition.db.data-dir}. Used when no {@code PETITION_DB_URL} is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${petition.db.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Closed by Spring after every bean that uses the database, Axon's processors included. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${petition.db.data-dir}") Path dataDir,
                                      @Value("${petition.db.embedded-port:0}") int port) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        OrphanedPostmaster.stopIfRunning(dir);
        log.info("Starting the embedded PostgreSQL with its data in {}", dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // Spring closes this bean after Axon has saved its tokens; zonky's own hook would not wait.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky turns durability off for tests; an acknowledged write must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC");
        if (port > 0) {
            refuseIfTaken(port);
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * Fails if something already listens on the port. zonky waits for its server by connecting to
     * the port, so a server already there (another instance of the service, left running) would be
     * taken for the one just started, and the service would silently use another data directory.
     */
    static void refuseIfTaken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        } catch (IOException free) {
            return;
        }
        throw new IllegalStateException("Port " + port + " is already in use, perhaps by the embedded PostgreSQL of"
                + " another instance of this service: stop it, or choose another petition.db.embedded-port");
    }

    /**
     * The pool on the embedded PostgreSQL, with everything else from {@code spring.datasource.hikari}
     * as an external database's pool would have it: its size, its connection timeout, and the driver's
     * properties (multi-row batched INSERTs, no row in error details, the bounds on transactions).
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("petition-embedded");
        return dataSource;
    }
}
