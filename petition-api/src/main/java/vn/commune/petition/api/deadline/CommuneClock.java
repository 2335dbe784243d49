package vn.commune.petition.api.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The commune's clock: business dates are days in Asia/Ho_Chi_Minh, whatever the server's zone. */
@Configuration(proxyBeanMethods = false)
public class CommuneClock {

    @Bean
    Clock clock(@Value("${petition.zone:Asia/Ho_Chi_Minh}") ZoneId zone) {
        return Clock.system(zone);
    }

    /** {@code @PastOrPresent} on a business date means "not after today in the commune". */
    @Bean
    ValidationConfigurationCustomizer communeValidationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }

    /** Today's date in the commune. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }
}
