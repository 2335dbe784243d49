package vn.commune.petition.api.commune;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.database.CommuneScope;
import vn.commune.petition.api.print.CommuneProperties;
import vn.commune.petition.api.print.Issuer;
import vn.commune.petition.api.print.ProvinceIssuer;
import vn.commune.petition.api.security.ProvinceProperties;
import vn.commune.petition.domain.deadline.CalendarData;
import vn.commune.petition.domain.deadline.CommuneDeadlines;
import vn.commune.petition.domain.deadline.DayCount;
import vn.commune.petition.domain.deadline.Deadline;
import vn.commune.petition.domain.deadline.DeadlinePolicy;
import vn.commune.petition.domain.deadline.DeadlineRules;
import vn.commune.petition.domain.deadline.ExtensionLimit;
import vn.commune.petition.domain.deadline.WorkingDayCalendar;

/**
 * The settings of each commune served, the one place that says what they are: the configured commune's
 * are the top-level configuration ({@code petition.commune}, {@code petition.deadlines},
 * {@code petition.calendar.overrides}, {@code petition.sessions.days}); each of the province's communes
 * ({@code petition.province.communes[]}) has its own name and kind, and where it sets none of its own,
 * the top level's remote-area setting, calendar corrections, reception days, superior body and symbol.
 * What names the commune itself (its address, telephone, place of the date line and signatory) is never
 * another commune's: unset, it is derived from its own name as for the configured commune, or blank.
 * A code not among them (an account's commune left out of the province's list), null or blank (events
 * that carry no commune) has the configured commune's settings. What an account that oversees several
 * communes prints is headed by the province ({@code petition.province.name}, {@link #issuerOfScope}).
 */
@Component
public class CommuneSettings {

    /**
     * One commune's settings.
     *
     * @param code its code (blank for the configured commune on a deployment with none)
     * @param print its name, kind and what its documents print
     * @param deadlines its deadline policy: its working-day calendar, the statutory rules, its own decisions
     * @param calendar its working-day calendar (the shipped years, corrected by its file)
     * @param receptionDays the days of the week it receives citizens
     */
    public record Settings(String code, CommuneProperties print, DeadlinePolicy deadlines,
                           WorkingDayCalendar calendar, Set<DayOfWeek> receptionDays) {
    }

    private final Settings configured;
    private final Map<String, Settings> others = new HashMap<>();
    private final ProvinceIssuer province;

    CommuneSettings(CommuneProperties commune, ProvinceProperties province,
                    @Value("${petition.calendar.overrides:}") String overrides,
                    @Value("${petition.deadlines.remote-area:false}") boolean remoteArea,
                    @Value("${petition.deadlines.other.days:30}") int otherDays,
                    @Value("${petition.deadlines.other.unit:CALENDAR_DAY}") DayCount otherUnit,
                    @Value("${petition.deadlines.other.extensions:1}") int otherExtensions,
                    @Value("${petition.deadlines.other.extension-days:30}") int otherExtensionDays,
                    @Value("${petition.sessions.days:THURSDAY}") List<DayOfWeek> days) {
        Deadline other = new Deadline(otherDays, otherUnit);
        ExtensionLimit otherExtension = new ExtensionLimit(otherExtensions, otherExtensionDays);
        WorkingDayCalendar calendar = calendar(overrides);
        this.configured = new Settings(commune.code(), commune, new DeadlinePolicy(calendar, DeadlineRules.statutory(),
                new CommuneDeadlines(remoteArea, other, otherExtension)), calendar, Set.copyOf(days));
        this.province = ProvinceIssuer.of(province.name(), province.kind(), province.code(), commune.symbol());
        Map<String, WorkingDayCalendar> calendars = new HashMap<>(Map.of(overrides, calendar));
        for (ProvinceProperties.Member member : province.communes()) {
            if (member.code().equals(commune.code()) || others.containsKey(member.code())) {
                continue;
            }
            String file = member.calendarOverrides() == null || member.calendarOverrides().isBlank()
                    ? overrides : member.calendarOverrides().strip();
            WorkingDayCalendar own = calendars.computeIfAbsent(file, CommuneSettings::calendar);
            boolean remote = member.remoteArea() == null ? remoteArea : member.remoteArea();
            CommuneProperties print = new CommuneProperties(member.name(), member.kind(),
                    member.superiorBody() == null ? commune.superiorBody() : member.superiorBody(),
                    member.address(), member.phone(), member.place(),
                    member.symbol() == null ? commune.symbol() : member.symbol(), member.signatory(), member.code());
            others.put(member.code(), new Settings(member.code(), print, new DeadlinePolicy(own,
                    DeadlineRules.statutory(), new CommuneDeadlines(remote, other, otherExtension)), own,
                    member.receptionDays() == null ? Set.copyOf(days) : Set.copyOf(member.receptionDays())));
        }
    }

    /** The settings of the commune {@code code}: its own, or the configured commune's (see above). */
    public Settings of(String code) {
        return code == null ? configured : others.getOrDefault(code, configured);
    }

    /**
     * The settings of the commune this thread works for (CommuneScope): the signed-in account's commune;
     * the configured commune's for the public pages, for an account that oversees several communes, and
     * outside a request.
     */
    public Settings ofScope() {
        List<String> scope = CommuneScope.current();
        return scope != null && scope.size() == 1 ? of(scope.get(0)) : configured;
    }

    /**
     * Who issues what this thread prints for the commune it works for: that commune's People's Committee
     * ({@link #ofScope}), or, for an account that oversees several communes, the province's.
     */
    public Issuer issuerOfScope() {
        List<String> scope = CommuneScope.current();
        return scope != null && scope.size() > 1 ? province : ofScope().print();
    }

    /** The configured commune's settings ({@code petition.commune.code}). */
    public Settings configured() {
        return configured;
    }

    /** The shipped calendar corrected by the file {@code overrides} (blank: none). */
    private static WorkingDayCalendar calendar(String overrides) {
        WorkingDayCalendar calendar = WorkingDayCalendar.shipped();
        if (overrides.isBlank()) {
            return calendar;
        }
        Path file = Path.of(overrides);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return calendar.withOverrides(CalendarData.read(reader, file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("The calendar corrections " + file + " cannot be read", e);
        }
    }
}
