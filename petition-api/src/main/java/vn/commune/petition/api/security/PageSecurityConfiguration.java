package vn.commune.petition.api.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.commune.petition.api.page.ErrorView;

/**
 * The web pages: a sign-in form and a session cookie (idle for 30 minutes at most, see
 * application.yml), CSRF tokens on every form and htmx request, sign-out by POST, for the same
 * accounts as the API and through the same throttled AuthenticationManager. Deny by default, as
 * the API: a page no rule below names is refused to everyone. Static assets and the sign-in page
 * are public. Everything the API answers ({@link ApiPaths}) is the API chain's.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

    static final String SIGN_IN = "/login";

    /** Assets served by the service itself (no CDN): the stylesheet, the scripts, htmx's webjar, the icon. */
    static final String[] ASSETS = {"/css/**", "/js/**", "/webjars/**", "/favicon.svg", "/favicon.ico"};

    /**
     * Scripts, styles and images from the service only, no inline script or style, no frames, forms
     * posted only here: a page that somehow shows a hostile string cannot run it.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final RequestMatcher HTMX = new RequestHeaderRequestMatcher("HX-Request", "true");

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication, ErrorView errors)
            throws Exception {
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // Only a page a person asked for is returned to after signing in, never an htmx fragment.
        requestCache.setRequestMatcher(new AndRequestMatcher(
                request -> GET.matches(request.getMethod()), new NegatedRequestMatcher(HTMX)));
        // The page asked for is looked up in the session, not marked by a "?continue" on the URL.
        requestCache.setMatchingRequestParameterName(null);
        return http
                .authenticationManager(authentication)
                .formLogin(form -> form
                        .loginPage(SIGN_IN)
                        .defaultSuccessUrl("/")
                        .failureHandler(signInFailure()))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl(SIGN_IN + "?signedOut")
                        .deleteCookies("JSESSIONID"))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(entryPoint())
                        .accessDeniedHandler(accessDenied(errors)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                // The public lookup changes nothing and is signed in by no one: a token would need a session.
                .csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher(POST, "/lookup")))
                .authorizeHttpRequests(a -> {
                    SecurityConfiguration.read(a, ASSETS);
                    SecurityConfiguration.read(a, new String[] {SIGN_IN});
                    // The figures the commune publishes (công khai): numbers only, no sign-in.
                    SecurityConfiguration.read(a, new String[] {"/public/figures"});
                    // The public lookup of one petition by its reference and code (throttled: LookupThrottle).
                    SecurityConfiguration.read(a, new String[] {"/lookup"});
                    a.requestMatchers(POST, "/lookup").permitAll();
                    SecurityConfiguration.read(a, new String[] {"/"}, Role.OFFICER, Role.CHAIR, Role.INSPECTOR,
                            Role.BOARD, Role.ADMIN);
                    // The dashboard and its stream: the roles of GET /api/counts.
                    SecurityConfiguration.read(a, new String[] {"/dashboard", "/dashboard/stream"}, Role.OFFICER,
                            Role.CHAIR, Role.INSPECTOR, Role.BOARD, Role.ADMIN);
                    // The reports page and its downloads: the roles of GET /api/reports.
                    SecurityConfiguration.read(a, new String[] {"/reports", "/reports/file"}, Role.OFFICER, Role.CHAIR,
                            Role.INSPECTOR, Role.BOARD);
                    // Receiving a petition, the session desk, the reception calendar: the roles of
                    // POST /api/petitions and /api/sessions/**. /petitions/new is named before /petitions/*.
                    SecurityConfiguration.read(a, new String[] {"/petitions/new", "/sessions/*/closing",
                        "/petitions/*/receipt"}, Role.OFFICER, Role.CHAIR);
                    a.requestMatchers(POST, "/petitions/*/lookup-code", "/petitions/*/handed-over/*/scan")
                            .hasAnyRole(Role.OFFICER.name(), Role.CHAIR.name());
                    // A scan: the roles of GET /api/petitions/*/handed-over/*/scan.
                    SecurityConfiguration.read(a, new String[] {"/petitions/*/handed-over/*/scan"}, Role.OFFICER,
                            Role.CHAIR, Role.INSPECTOR);
                    a.requestMatchers(POST, "/petitions", "/sessions", "/sessions/*/visits", "/sessions/*/closing")
                            .hasAnyRole(Role.OFFICER.name(), Role.CHAIR.name());
                    SecurityConfiguration.read(a, new String[] {"/sessions", "/sessions/*", "/sessions/*/register"},
                            Role.OFFICER, Role.CHAIR, Role.INSPECTOR);
                    // The petition, the register and its downloads, the deadlines: the roles of GET /api/petitions,
                    // the People's Inspection Board among them (PetitionReader masks every petitioner for it).
                    SecurityConfiguration.read(a, new String[] {"/petitions/*"}, Role.OFFICER, Role.CHAIR,
                            Role.INSPECTOR, Role.BOARD);
                    a.requestMatchers(POST, "/petitions/*/acceptance").hasRole(Role.CHAIR.name());
                    // A printed document: the roles of GET /api/petitions/*/documents/* (DocumentPages decides each).
                    SecurityConfiguration.read(a, new String[] {"/petitions/*/documents/*"}, Role.OFFICER, Role.CHAIR,
                            Role.INSPECTOR);
                    SecurityConfiguration.read(a, new String[] {"/petitions", "/petitions.csv", "/petitions.xlsx",
                        "/deadlines"}, Role.OFFICER, Role.CHAIR, Role.INSPECTOR, Role.BOARD);
                    // Every step form, with the roles of its API route (SecurityConfiguration's OFFICER_STEPS
                    // and CHAIR_DECISIONS).
                    a.requestMatchers(POST, "/petitions/*/mediations", "/petitions/*/dialogues",
                            "/petitions/*/advisory-council", "/petitions/*/withdrawal", "/petitions/*/partial-withdrawal")
                            .hasAnyRole(Role.OFFICER.name(), Role.CHAIR.name());
                    a.requestMatchers(POST, "/petitions/*/forwarding", "/petitions/*/guidance", "/petitions/*/rejection",
                            "/petitions/*/archival", "/petitions/*/extensions", "/petitions/*/written-answer",
                            "/petitions/*/escalation", "/petitions/*/suspension", "/petitions/*/resumption",
                            "/petitions/*/termination").hasRole(Role.CHAIR.name());
                    // Replaying a petition: the roles of GET /api/petitions/{id}?asOf=&knownAt= and its history.
                    SecurityConfiguration.read(a, new String[] {"/petitions/*/replay"}, Role.OFFICER, Role.CHAIR,
                            Role.INSPECTOR, Role.BOARD);
                    // The audit pages, each with the roles of its API route: a petition's chain
                    // (/api/petitions/*/verification), the whole store, the seals and the export (/api/audit/**),
                    // making a seal (POST /api/audit/seals). The page itself shows each role its parts.
                    SecurityConfiguration.read(a, new String[] {"/audit"}, Role.INSPECTOR, Role.CHAIR, Role.ADMIN);
                    SecurityConfiguration.read(a, new String[] {"/audit/chain"}, Role.INSPECTOR, Role.CHAIR);
                    SecurityConfiguration.read(a, new String[] {"/audit/verification/*", "/audit/seals/*",
                        "/audit/export"}, Role.INSPECTOR);
                    a.requestMatchers(POST, "/audit/verification").hasRole(Role.INSPECTOR.name());
                    a.requestMatchers(POST, "/audit/seals").hasAnyRole(Role.ADMIN.name(), Role.INSPECTOR.name());
                    // The operations page, with the roles of /api/admin/projections/** and /api/admin/dead-letters/**:
                    // read and verify (admin, inspector), rebuild and retry (admin).
                    SecurityConfiguration.read(a, new String[] {"/operations", "/operations/projections/*/run"},
                            Role.ADMIN, Role.INSPECTOR);
                    a.requestMatchers(POST, "/operations/projections/*/verification")
                            .hasAnyRole(Role.ADMIN.name(), Role.INSPECTOR.name());
                    a.requestMatchers(POST, "/operations/projections/*/rebuild", "/operations/dead-letters/*/retry")
                            .hasRole(Role.ADMIN.name());
                    // Deny by default: a page no rule above names is refused to everyone, whatever its method.
                    a.anyRequest().denyAll();
                })
                .build();
    }

    /**
     * A wrong name or password goes back to the form, which says so without saying which; a throttled
     * sign-in (SignInThrottle) goes back to it saying how long to wait, its password never checked.
     */
    private static AuthenticationFailureHandler signInFailure() {
        return (request, response, e) -> {
            String target = e instanceof SignInThrottledException throttled
                    ? SIGN_IN + "?wait=" + throttled.retryAfterSeconds()
                    : SIGN_IN + "?error";
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    /** Not signed in: to the sign-in form; an htmx request is told to take the whole page there. */
    private static AuthenticationEntryPoint entryPoint() {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byRequest = new LinkedHashMap<>();
        byRequest.put(HTMX, (request, response, e) -> hxRedirect(request, response, SIGN_IN));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byRequest);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN));
        return entryPoint;
    }

    /**
     * A form whose CSRF token is gone because the session ended (30 minutes idle) goes back to the
     * sign-in form, saying why; any other refusal is the 403 page.
     */
    private static AccessDeniedHandler accessDenied(ErrorView errors) {
        return (request, response, e) -> {
            if (e instanceof CsrfException && !signedIn()) {
                if (HTMX.matches(request)) {
                    hxRedirect(request, response, SIGN_IN + "?expired");
                } else {
                    response.sendRedirect(request.getContextPath() + SIGN_IN + "?expired");
                }
                return;
            }
            try {
                errors.render(request, response, HttpStatus.FORBIDDEN);
            } catch (IOException ex) {
                throw ex;
            } catch (Exception ex) {
                throw new IllegalStateException("The error page could not be rendered", ex);
            }
        };
    }

    private static boolean signedIn() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
    }

    private static void hxRedirect(HttpServletRequest request, HttpServletResponse response, String target) {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("HX-Redirect", request.getContextPath() + target);
    }
}
