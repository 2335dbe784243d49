package vn.commune.petition.api.page;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import vn.commune.petition.api.commune.CommuneSettings;
import vn.commune.petition.api.security.Role;

/**
 * {@code #ui} in every template: dates as the commune writes them ({@code ${#ui.date(p.dueOn)}} is
 * 05/01/2024, {@code ${#ui.dateTime(e.recordedAt)}} 05/01/2024 14:30 in Asia/Ho_Chi_Minh) and the
 * signed-in user's role ({@code ${#ui.role()}}, null when nobody is signed in), the commune's People's
 * Committee ({@code ${#ui.commune(#locale)}}), the place of its date lines ({@code ${#ui.place()}}) and
 * the page in another language ({@code ${#ui.inLanguage('en')}}). One formatter for every page.
 */
@Component
public class PageDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private static final List<Role> PRECEDENCE = List.of(Role.CHAIR, Role.OFFICER, Role.INSPECTOR, Role.BOARD,
            Role.ADMIN);

    private final Ui ui;

    PageDialect(Clock clock, CommuneSettings communes) {
        super("petition-pages");
        this.ui = new Ui(clock, communes);
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("ui");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return ui;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /** What {@code #ui} offers templates. */
    public static final class Ui {

        private final Clock clock;
        private final CommuneSettings communes;

        Ui(Clock clock, CommuneSettings communes) {
            this.clock = clock;
            this.communes = communes;
        }

        /**
         * The People's Committee of the signed-in account's commune in this language: "UBND xã Tân Lập"
         * (CommuneProperties.committee); the province's for an account that oversees several communes; the
         * configured commune's on the public pages.
         */
        public String commune(Locale locale) {
            return communes.issuerOfScope().committee(locale);
        }

        /** The place of the date lines of sheets printed from pages ("Tân Lập, ngày 04/01/2024"). */
        public String place() {
            return communes.issuerOfScope().place();
        }

        /**
         * The link to this page in another language: its own query, the same period, filters or commune,
         * with {@code lang} set ("?year=2024&lang=en"); relative, so that no header of the request is in it.
         */
        public String inLanguage(String language) {
            String query = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                    ? request.getRequest().getQueryString() : null;
            return UriComponentsBuilder.fromUriString(query == null ? "" : "?" + query)
                    .replaceQueryParam("lang", language).build().toUriString();
        }

        /** dd/MM/yyyy, or "" for no date. */
        public String date(LocalDate day) {
            return day == null ? "" : DAY.format(day);
        }

        /** dd/MM/yyyy HH:mm in the commune's zone, or "" for no instant. */
        public String dateTime(Instant instant) {
            return instant == null ? "" : DAY_AND_TIME.format(instant.atZone(clock.getZone()));
        }

        /** The signed-in user's role, or null. */
        public Role role() {
            return role(SecurityContextHolder.getContext().getAuthentication());
        }

        /**
         * The role a page is shown for: the first of chair, officer, inspector and admin that this
         * authentication holds (an account usually has one), or null.
         */
        public static Role role(Authentication user) {
            if (user == null || !user.isAuthenticated()) {
                return null;
            }
            Set<String> held = user.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .collect(Collectors.toSet());
            return PRECEDENCE.stream().filter(role -> held.contains("ROLE_" + role.name())).findFirst().orElse(null);
        }
    }
}
