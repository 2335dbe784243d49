package vn.commune.petition.api.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import vn.commune.petition.api.problem.Problems;

/**
 * HTTP Basic over the API ({@link ApiPaths}), with the permissions of PRODUCT.md: officers record,
 * the chair decides, inspectors and the People's Inspection Board read, admins operate. 401 and 403
 * answer in Problem Details. The pages have a chain of their own (PageSecurityConfiguration), with
 * the same accounts and throttle.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    private static final String[] OFFICER_STEPS = {
        "/api/petitions/*/mediations", "/api/petitions/*/dialogues",
        "/api/petitions/*/advisory-council", "/api/petitions/*/withdrawal", "/api/petitions/*/partial-withdrawal"};
    private static final String[] CHAIR_DECISIONS = {
        "/api/petitions/*/acceptance", "/api/petitions/*/forwarding", "/api/petitions/*/guidance",
        "/api/petitions/*/rejection", "/api/petitions/*/archival", "/api/petitions/*/extensions",
        "/api/petitions/*/written-answer", "/api/petitions/*/escalation", "/api/petitions/*/suspension",
        "/api/petitions/*/resumption", "/api/petitions/*/termination"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, ObjectMapper json,
                            @Value("${petition.http.allowed-origins:}") List<String> allowedOrigins)
            throws Exception {
        String officer = Role.OFFICER.name();
        String chair = Role.CHAIR.name();
        String inspector = Role.INSPECTOR.name();
        String admin = Role.ADMIN.name();
        return http
                .securityMatcher(ApiPaths.PATTERNS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(authentication)
                .httpBasic(basic -> basic
                        .realmName("petition")
                        .authenticationEntryPoint(new SignInEntryPoint(json)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new SignInEntryPoint(json))
                        .accessDeniedHandler((request, response, ex) ->
                                write(json, response, request.getRequestURI(), HttpStatus.FORBIDDEN, "forbidden",
                                        "Forbidden", "Your role may not do this")))
                .addFilterBefore(new SameOriginWrites(allowedOrigins, json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/error").permitAll();
                    read(a, new String[] {"/actuator/health", "/actuator/health/**"});
                    read(a, new String[] {"/actuator/**"}, Role.ADMIN);
                    // The API's description (OpenAPI 3) and Swagger UI, served from its webjar: every signed-in role.
                    read(a, new String[] {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                            "/swagger-ui.html", "/swagger-ui/**"}, Role.values());
                    a.requestMatchers(POST, "/api/petitions").hasAnyRole(officer, chair);
                    a.requestMatchers(POST, OFFICER_STEPS).hasAnyRole(officer, chair);
                    // A lost lookup code replaced: whoever receives petitions.
                    a.requestMatchers(POST, "/api/petitions/*/lookup-code").hasAnyRole(officer, chair);
                    // What was handed over and its scans: attached by whoever receives petitions, read by the
                    // roles that may see petitioners (PetitionReader; never the board, whatever the kind).
                    a.requestMatchers(PUT, "/api/petitions/*/handed-over/*/scan").hasAnyRole(officer, chair);
                    read(a, new String[] {"/api/petitions/*/handed-over", "/api/petitions/*/handed-over/*/scan"},
                            Role.OFFICER, Role.CHAIR, Role.INSPECTOR);
                    a.requestMatchers(POST, CHAIR_DECISIONS).hasRole(chair);
                    read(a, new String[] {"/api/petitions/*/verification"}, Role.INSPECTOR, Role.CHAIR);
                    // A backup of the whole database: every petitioner's data, so the admin alone (README, Backups).
                    read(a, new String[] {"/api/admin/backup"}, Role.ADMIN);
                    read(a, new String[] {"/api/admin/projections", "/api/admin/projections/*/verification",
                            "/api/admin/projections/*/rebuild", "/api/admin/dead-letters"}, Role.ADMIN, Role.INSPECTOR);
                    a.requestMatchers(POST, "/api/admin/projections/*/verification").hasAnyRole(admin, inspector);
                    a.requestMatchers(POST, "/api/admin/projections/*/rebuild", "/api/admin/dead-letters/*/retry")
                            .hasRole(admin);
                    a.requestMatchers(POST, "/api/audit/seals").hasAnyRole(admin, inspector);
                    read(a, new String[] {"/api/audit/seals", "/api/audit/seals/*", "/api/audit/verification",
                            "/api/audit/export"}, Role.INSPECTOR);
                    a.requestMatchers(POST, "/api/sessions", "/api/sessions/*/visits", "/api/sessions/*/closing")
                            .hasAnyRole(officer, chair);
                    read(a, new String[] {"/api/sessions", "/api/sessions/**"}, Role.OFFICER, Role.CHAIR, Role.INSPECTOR);
                    a.requestMatchers(POST, "/api/dossiers/import").hasAnyRole(officer, chair);
                    // The People's Inspection Board reads the petitions, their histories, counts and reports
                    // (every petitioner masked: PetitionReader), and nothing else: no session, audit or admin route.
                    // The figures the commune publishes: open data, numbers only, no sign-in.
                    read(a, new String[] {"/api/public/figures"});
                    // The public lookup: anyone with a reference and its code (throttled: LookupThrottle).
                    a.requestMatchers(POST, "/api/public/lookup").permitAll();
                    read(a, new String[] {"/api/reports"}, Role.OFFICER, Role.CHAIR, Role.INSPECTOR, Role.BOARD);
                    read(a, new String[] {"/api/counts"}, Role.OFFICER, Role.CHAIR, Role.INSPECTOR, Role.BOARD,
                            Role.ADMIN);
                    // The documents printed from a petition's steps: those who handle or inspect it; never the
                    // board, since nearly every one names a petitioner (DocumentController decides each one).
                    read(a, new String[] {"/api/petitions/*/documents", "/api/petitions/*/documents/*"}, Role.OFFICER,
                            Role.CHAIR, Role.INSPECTOR);
                    read(a, new String[] {"/api/petitions", "/api/petitions/**"}, Role.OFFICER, Role.CHAIR,
                            Role.INSPECTOR, Role.BOARD);
                    // Deny by default: a route no rule above names is refused to everyone, whatever its method.
                    a.anyRequest().denyAll();
                })
                .build();
    }

    /**
     * A read: GET and HEAD, which Spring MVC answers with the GET handler, so the two always have the
     * same rule. No roles: anyone, signed in or not.
     */
    static void read(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a,
                             String[] paths, Role... roles) {
        String[] names = Arrays.stream(roles).map(Role::name).toArray(String[]::new);
        for (HttpMethod method : List.of(GET, HEAD)) {
            if (names.length == 0) {
                a.requestMatchers(method, paths).permitAll();
            } else {
                a.requestMatchers(method, paths).hasAnyRole(names);
            }
        }
    }

    /** Every sign-in, whatever carries it, is throttled after repeated failures (SignInThrottle). */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, Clock clock,
                                                @Value("${petition.security.cache-ttl:PT5M}") Duration ttl,
                                                SignInThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationManager(
                new ProviderManager(List.of(new CachingAuthenticationProvider(dao, ttl, clock))), throttle);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(AccountsProperties accounts, PasswordEncoder encoder,
                             @Value("${petition.db.url:}") String externalDatabase) {
        boolean embedded = externalDatabase.isBlank();
        if (accounts.users().isEmpty()) {
            if (!embedded) {
                throw new IllegalStateException("An external database is configured (PETITION_DB_URL) but no"
                        + " accounts are: set petition.security.users with {bcrypt} password hashes");
            }
            log.warn("No accounts configured: the demo accounts officer, chair, inspector, board and admin"
                    + " exist, each with its own name as password. They exist only on the embedded default.");
            return new InMemoryUserDetailsManager(
                    demo("officer", Role.OFFICER, encoder),
                    demo("chair", Role.CHAIR, encoder),
                    demo("inspector", Role.INSPECTOR, encoder),
                    demo("board", Role.BOARD, encoder),
                    demo("admin", Role.ADMIN, encoder));
        }
        List<UserDetails> users = accounts.users().stream().map(account -> {
            if (account.password() == null || account.password().startsWith("{noop}")
                    || !account.password().startsWith("{")) {
                throw new IllegalStateException("The password of account '" + account.username()
                        + "' must be a hash such as {bcrypt}$2a$...");
            }
            return User.withUsername(account.username())
                    .password(account.password())
                    .roles(account.roles().stream().map(Role::name).toArray(String[]::new))
                    .build();
        }).toList();
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails demo(String name, Role role, PasswordEncoder encoder) {
        return User.withUsername(name).password(encoder.encode(name)).roles(role.name()).build();
    }

    static void write(ObjectMapper json, HttpServletResponse response, String path, HttpStatus status,
                      String type, String title, String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, type, title, detail);
        problem.setInstance(URI.create(path));
        Problems.write(json, response, problem);
    }
}
