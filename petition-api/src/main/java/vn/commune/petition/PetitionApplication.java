package vn.commune.petition;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The petition service: HTTP API over an Axon event store in PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PetitionApplication {

    public static void main(String[] args) {
        // No network here, and Axon's update checker would also write ~/.axoniq.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(PetitionApplication.class, args);
    }
}
