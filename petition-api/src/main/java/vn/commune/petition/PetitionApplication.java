package vn.commune.petition;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.commune.petition.api.backup.BackupCommand;

/** The petition service: HTTP API over an Axon event store in PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PetitionApplication {

    public static void main(String[] args) {
        // No network here, and Axon's update checker would also write ~/.axoniq.
        System.setProperty("axoniq.update-checker.disabled", "true");
        // --petition.backup.to=FILE or --petition.restore.from=FILE: the job alone, then exit (README, Backups).
        if (BackupCommand.wanted(args)) {
            System.exit(BackupCommand.run(args));
        }
        SpringApplication.run(PetitionApplication.class, args);
    }
}
