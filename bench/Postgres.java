import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One PostgreSQL for several instances of the service (bench/cluster.sh): the zonky binaries the
 * service bundles, durable as the service's embedded default is, on a fixed port, until stopped.
 * Usage: java -cp "LIBS/*" bench/Postgres.java DATA_DIR PORT
 */
public class Postgres {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false)
                .setPort(Integer.parseInt(args[1]))
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println("PostgreSQL ready on port " + args[1]);
        Thread.currentThread().join();
    }
}
