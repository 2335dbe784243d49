package vn.commune.petition.api.deadline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.commune.petition.domain.deadline.CalendarData;
import vn.commune.petition.domain.deadline.CommuneDeadlines;
import vn.commune.petition.domain.deadline.DayCount;
import vn.commune.petition.domain.deadline.Deadline;
import vn.commune.petition.domain.deadline.DeadlinePolicy;
import vn.commune.petition.domain.deadline.DeadlineRules;
import vn.commune.petition.domain.deadline.ExtensionLimit;
import vn.commune.petition.domain.deadline.WorkingDayCalendar;

/**
 * The legal clock: the working-day calendar (the shipped years, corrected by the commune's own
 * file, {@code petition.calendar.overrides}), the statutory deadline rules, and what the commune
 * decides itself. The Petition aggregate receives the {@link DeadlinePolicy} as a resource.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${petition.calendar.overrides:}") String overrides)
            throws IOException {
        WorkingDayCalendar calendar = WorkingDayCalendar.shipped();
        if (overrides.isBlank()) {
            return calendar;
        }
        Path file = Path.of(overrides);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return calendar.withOverrides(CalendarData.read(reader, file.toString()));
        }
    }

    @Bean
    DeadlinePolicy deadlinePolicy(WorkingDayCalendar calendar,
                                  @Value("${petition.deadlines.remote-area:false}") boolean remoteArea,
                                  @Value("${petition.deadlines.other.days:30}") int otherDays,
                                  @Value("${petition.deadlines.other.unit:CALENDAR_DAY}") DayCount otherUnit,
                                  @Value("${petition.deadlines.other.extensions:1}") int otherExtensions,
                                  @Value("${petition.deadlines.other.extension-days:30}") int otherExtensionDays) {
        CommuneDeadlines commune = new CommuneDeadlines(remoteArea, new Deadline(otherDays, otherUnit),
                new ExtensionLimit(otherExtensions, otherExtensionDays));
        return new DeadlinePolicy(calendar, DeadlineRules.statutory(), commune);
    }
}
