package vn.commune.petition.api.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import vn.commune.petition.api.problem.Problems;

/**
 * HTTP Basic over the API, with the permissions of PRODUCT.md: officers record, the chair decides,
 * inspectors read, admins operate. 401 and 403 answer in Problem Details.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    private static final String[] OFFICER_STEPS = {
        "/api/petitions/*/mediations", "/api/petitions/*/dialogues",
        "/api/petitions/*/advisory-council", "/api/petitions/*/withdrawal"};
    private static final String[] CHAIR_DECISIONS = {
        "/api/petitions/*/acceptance", "/api/petitions/*/forwarding", "/api/petitions/*/guidance",
        "/api/petitions/*/rejection", "/api/petitions/*/archival", "/api/petitions/*/extensions",
        "/api/petitions/*/written-answer", "/api/petitions/*/escalation"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, ObjectMapper json)
            throws Exception {
        String officer = Role.OFFICER.name();
        String chair = Role.CHAIR.name();
        String inspector = Role.INSPECTOR.name();
        String admin = Role.ADMIN.name();
        return http
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
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(admin)
                        .requestMatchers(POST, "/api/petitions").hasAnyRole(officer, chair)
                        .requestMatchers(POST, OFFICER_STEPS).hasAnyRole(officer, chair)
                        .requestMatchers(POST, CHAIR_DECISIONS).hasRole(chair)
                        .requestMatchers(GET, "/api/petitions/*/verification").hasAnyRole(inspector, chair)
                        .requestMatchers(GET, "/api/admin/projections", "/api/admin/projections/*/verify",
                                "/api/admin/projections/*/rebuild",
                                "/api/admin/dead-letters").hasAnyRole(admin, inspector)
                        .requestMatchers("/api/admin/**").hasRole(admin)
                        .requestMatchers(POST, "/api/audit/seals").hasAnyRole(admin, inspector)
                        .requestMatchers(GET, "/api/audit/**").hasRole(inspector)
                        .requestMatchers(POST, "/api/sessions", "/api/sessions/**").hasAnyRole(officer, chair)
                        .requestMatchers(GET, "/api/sessions", "/api/sessions/**")
                                .hasAnyRole(officer, chair, inspector)
                        .requestMatchers(POST, "/api/dossiers/import").hasAnyRole(officer, chair)
                        .requestMatchers(GET, "/api/reports").hasAnyRole(officer, chair, inspector)
                        .requestMatchers(GET, "/api/counts").hasAnyRole(officer, chair, inspector, admin)
                        .requestMatchers(GET, "/api/petitions", "/api/petitions/**")
                                .hasAnyRole(officer, chair, inspector)
                        .anyRequest().authenticated())
                .build();
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
            log.warn("No accounts configured: the demo accounts officer, chair, inspector and admin exist,"
                    + " each with its own name as password. They exist only on the embedded default.");
            return new InMemoryUserDetailsManager(
                    demo("officer", Role.OFFICER, encoder),
                    demo("chair", Role.CHAIR, encoder),
                    demo("inspector", Role.INSPECTOR, encoder),
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
