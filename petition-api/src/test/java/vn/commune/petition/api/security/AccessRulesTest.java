package vn.commune.petition.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * Every route is denied unless a rule names it, in the chain that answers it: the API's (HTTP
 * Basic) or the pages' (sign-in form). The routes are Spring's own handler mappings, not a list
 * kept by hand, so a route added later without a rule fails here; HEAD is allowed exactly where GET
 * is, to exactly the same roles.
 */
@PetitionServiceTest
class AccessRulesTest {

    private static final List<String> WHO = List.of("anonymous", "OFFICER", "CHAIR", "INSPECTOR", "BOARD", "ADMIN");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    FilterChainProxy security;

    /** The rules of the first chain that answers this request, as Spring Security picks it. */
    private AuthorizationManager<jakarta.servlet.http.HttpServletRequest> rules(MockHttpServletRequest request) {
        SecurityFilterChain chain = security.getFilterChains().stream()
                .filter(candidate -> candidate.matches(request))
                .findFirst().orElseThrow();
        return chain.getFilters().stream()
                .filter(AuthorizationFilter.class::isInstance)
                .map(filter -> ((AuthorizationFilter) filter).getAuthorizationManager())
                .findFirst().orElseThrow();
    }

    /** Every mapped route as "METHOD /path" with its path variables filled in, from every handler mapping. */
    private Set<String> routes() {
        Set<String> routes = new LinkedHashSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.replaceAll("\\{\\*[^}]*}", "x").replaceAll("\\{[^}]*}", UUID.randomUUID().toString())
                            .replace("**", "x");
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
                        routes.add(method.name() + " " + path);
                    }
                }
            }
        }
        return routes;
    }

    private Set<String> allowed(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        Set<String> allowed = new LinkedHashSet<>();
        for (String who : WHO) {
            Authentication user = who.equals("anonymous")
                    ? new AnonymousAuthenticationToken("key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))
                    : UsernamePasswordAuthenticationToken.authenticated(who, null,
                            AuthorityUtils.createAuthorityList("ROLE_" + who));
            AuthorizationDecision decision = (AuthorizationDecision) rules(request).authorize(() -> user, request);
            if (decision != null && decision.isGranted()) {
                allowed.add(who);
            }
        }
        return allowed;
    }

    @Test
    void every_mapped_route_has_a_rule_that_lets_someone_in_and_head_follows_get() {
        Set<String> routes = routes();
        assertThat(routes).as("the handler mappings were read").anyMatch(r -> r.startsWith("POST /api/petitions/"))
                .as("pages too").anyMatch(r -> r.startsWith("GET /petitions/"));
        List<String> withoutRule = new ArrayList<>();
        Map<String, String> headUnlikeGet = new TreeMap<>();
        for (String route : routes) {
            String[] methodAndPath = route.split(" ", 2);
            if (methodAndPath[1].equals("/error")) {
                continue;
            }
            Set<String> allowed = allowed(methodAndPath[0], methodAndPath[1]);
            if (allowed.isEmpty() && !methodAndPath[0].equals("HEAD") && !methodAndPath[0].equals("OPTIONS")) {
                withoutRule.add(route);
            }
            if (methodAndPath[0].equals("GET")) {
                Set<String> head = allowed("HEAD", methodAndPath[1]);
                if (!head.equals(allowed)) {
                    headUnlikeGet.put(methodAndPath[1], "GET " + allowed + ", HEAD " + head);
                }
            }
        }
        assertThat(withoutRule).as("routes no rule names").isEmpty();
        assertThat(headUnlikeGet).as("HEAD allowed otherwise than GET").isEmpty();
    }

    @Test
    void a_method_or_path_no_rule_names_is_denied_to_every_role() {
        assertThat(allowed("PUT", "/api/petitions/" + UUID.randomUUID())).isEmpty();
        assertThat(allowed("DELETE", "/api/petitions/" + UUID.randomUUID())).isEmpty();
        assertThat(allowed("GET", "/api/nothing-here")).isEmpty();
        assertThat(allowed("POST", "/api/audit/export")).isEmpty();
        for (String role : List.of("officer", "chair", "inspector", "admin")) {
            assertThat(Api.as(port, role).get("/api/nothing-here").status()).isEqualTo(403);
        }
        assertThat(Api.as(port, null, null).get("/api/nothing-here").status()).isEqualTo(401);
    }

    @Test
    void an_inspector_or_an_admin_verifies_a_projection_and_only_an_admin_rebuilds_one() {
        for (String method : List.of("POST", "GET")) {
            assertThat(allowed(method, "/api/admin/projections/counts/verification")).as(method)
                    .containsExactly("INSPECTOR", "ADMIN");
        }
        assertThat(allowed("POST", "/api/admin/projections/counts/rebuild")).containsExactly("ADMIN");
        assertThat(allowed("GET", "/api/admin/projections/counts/rebuild")).containsExactly("INSPECTOR", "ADMIN");
        assertThat(allowed("GET", "/api/admin/projections/counts/verify")).as("the old verification").isEmpty();
    }

    @Test
    void only_an_admin_takes_a_backup_since_it_holds_every_petitioner() {
        assertThat(allowed("GET", "/api/admin/backup")).containsExactly("ADMIN");
        assertThat(allowed("HEAD", "/api/admin/backup")).containsExactly("ADMIN");
        assertThat(allowed("POST", "/api/admin/backup")).isEmpty();
    }

    @Test
    void a_page_no_rule_names_is_denied_to_every_role_and_the_public_ones_are_few() {
        assertThat(allowed("GET", "/nothing-here")).isEmpty();
        assertThat(allowed("POST", "/petitions/" + UUID.randomUUID())).isEmpty();
        assertThat(allowed("GET", "/")).containsExactly("OFFICER", "CHAIR", "INSPECTOR", "BOARD", "ADMIN");
        assertThat(allowed("POST", "/deadlines")).isEmpty();
        assertThat(allowed("GET", "/petitions/" + UUID.randomUUID())).as("no petition data for the admin")
                .containsExactly("OFFICER", "CHAIR", "INSPECTOR", "BOARD");
        assertThat(allowed("GET", "/login")).contains("anonymous");
        assertThat(allowed("GET", "/css/pages.css")).contains("anonymous");
        assertThat(allowed("GET", "/webjars/htmx.org/dist/htmx.min.js")).contains("anonymous");
        assertThat(allowed("GET", "/lookup")).contains("anonymous");
        assertThat(allowed("POST", "/lookup")).contains("anonymous");
        assertThat(allowed("POST", "/api/public/lookup")).contains("anonymous");
        assertThat(allowed("GET", "/api/public/lookup")).as("the code never in a URL").isEmpty();
    }

    /** A page that records a step, or lists petitions, lets in exactly whom the API does. */
    @Test
    void every_step_form_and_the_register_let_in_exactly_the_roles_of_their_api_routes() {
        Map<String, String> compared = new TreeMap<>();
        for (String route : routes()) {
            String[] methodAndPath = route.split(" ", 2);
            if (methodAndPath[0].equals("POST") && methodAndPath[1].matches("/petitions/[^/]+/[a-z-]+")) {
                assertThat(allowed("POST", methodAndPath[1])).as(route)
                        .isEqualTo(allowed("POST", "/api" + methodAndPath[1]));
                compared.put(route, allowed("POST", methodAndPath[1]).toString());
            }
        }
        assertThat(compared).as("every step form (acceptance, forwarding, guidance, rejection, archival, mediations,"
                + " dialogues, advisory-council, extensions, written-answer, escalation, suspension, resumption,"
                + " termination, partial-withdrawal, withdrawal) and the lookup code's replacement").hasSize(17);
        for (String chairOnly : List.of("suspension", "resumption", "termination")) {
            assertThat(allowed("POST", "/api/petitions/" + UUID.randomUUID() + "/" + chairOnly)).as(chairOnly)
                    .containsExactly("CHAIR");
        }
        assertThat(allowed("GET", "/petitions/" + UUID.randomUUID() + "/receipt")).as("the receipt: whoever receives")
                .isEqualTo(allowed("POST", "/api/petitions")).containsExactly("OFFICER", "CHAIR");
        for (String page : List.of("/reports", "/reports/file")) {
            assertThat(allowed("GET", page)).as(page).isEqualTo(allowed("GET", "/api/reports"));
        }
        for (String page : List.of("/dashboard", "/dashboard/stream")) {
            assertThat(allowed("GET", page)).as(page).isEqualTo(allowed("GET", "/api/counts"));
        }
        for (String page : List.of("/petitions", "/petitions.csv", "/petitions.xlsx", "/deadlines")) {
            assertThat(allowed("GET", page)).as(page).isEqualTo(allowed("GET", "/api/petitions"))
                    .containsExactly("OFFICER", "CHAIR", "INSPECTOR", "BOARD");
        }
    }

    /**
     * The People's Inspection Board reads the petitions (the register, each petition, the overdue list,
     * the histories), the deadlines, the counts and the reports, and nothing else: every route it may
     * call is one of these reads, and every other route of any method is refused to it.
     */
    @Test
    void the_board_may_read_the_petitions_counts_and_reports_and_nothing_else() {
        Set<String> boardReads = new TreeSet<>();
        for (String route : routes()) {
            String[] methodAndPath = route.split(" ", 2);
            if (methodAndPath[1].equals("/error")) {
                continue;
            }
            Set<String> allowed = allowed(methodAndPath[0], methodAndPath[1]);
            if (allowed.contains("BOARD") && !allowed.contains("anonymous")) {
                boardReads.add(route.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}"));
            }
        }
        boardReads.removeIf(route -> route.matches("GET /(v3/api-docs|swagger-ui).*"));
        assertThat(boardReads).as("what the board may call (besides the API's description)").containsExactlyInAnyOrder(
                "GET /api/petitions", "GET /api/petitions/{id}", "GET /api/petitions/overdue",
                "GET /api/petitions/{id}/history", "GET /api/counts", "GET /api/reports",
                "GET /", "GET /petitions", "GET /petitions/{id}", "GET /petitions.csv", "GET /petitions.xlsx",
                "GET /deadlines", "GET /dashboard", "GET /dashboard/stream", "GET /reports", "GET /reports/file",
                "GET /petitions/{id}/replay");
        for (String page : List.of("/petitions/new", "/sessions", "/sessions/calendar", "/sessions/x/register",
                "/api/sessions", "/api/petitions/x/verification", "/api/audit/seals", "/api/admin/projections",
                "/actuator/prometheus")) {
            assertThat(allowed("GET", page)).as(page).doesNotContain("BOARD");
        }
    }

    /**
     * The documents printed from a petition's steps go to those who handle or inspect it, never to the
     * People's Inspection Board (nearly every one names a petitioner); the page that prints one lets in
     * whom its API route does, and nothing writes there.
     */
    @Test
    void the_printed_documents_are_for_the_officer_the_chair_and_the_inspector_never_the_board() {
        String id = UUID.randomUUID().toString();
        for (String path : List.of("/api/petitions/" + id + "/documents", "/api/petitions/" + id + "/documents/thong-bao-thu-ly",
                "/petitions/" + id + "/documents/thong-bao-thu-ly")) {
            assertThat(allowed("GET", path)).as(path).containsExactly("OFFICER", "CHAIR", "INSPECTOR");
            assertThat(allowed("HEAD", path)).as("HEAD " + path).isEqualTo(allowed("GET", path));
            assertThat(allowed("POST", path)).as("POST " + path).isEmpty();
        }
        assertThat(allowed("GET", "/petitions/" + id + "/documents")).as("no list page: the petition page lists them")
                .isEmpty();
    }

    /** The replay and the audit pages let in exactly whom the API routes they stand for do. */
    @Test
    void the_replay_and_the_audit_pages_let_in_exactly_the_roles_of_their_api_routes() {
        String id = UUID.randomUUID().toString();
        Map<String, String> pageToApi = Map.of(
                "GET /petitions/" + id + "/replay", "GET /api/petitions/" + id,
                "GET /audit/chain", "GET /api/petitions/" + id + "/verification",
                "GET /audit/verification/" + id, "GET /api/audit/verification",
                "POST /audit/verification", "GET /api/audit/verification",
                "GET /audit/seals/3", "GET /api/audit/seals/3",
                "POST /audit/seals", "POST /api/audit/seals",
                "GET /audit/export", "GET /api/audit/export");
        pageToApi.forEach((page, api) -> {
            String[] p = page.split(" ", 2);
            String[] a = api.split(" ", 2);
            assertThat(allowed(p[0], p[1])).as(page).isEqualTo(allowed(a[0], a[1])).isNotEmpty();
            if (p[0].equals("GET")) {
                assertThat(allowed("HEAD", p[1])).as("HEAD " + p[1]).isEqualTo(allowed("GET", p[1]));
            }
        });
        assertThat(allowed("GET", "/petitions/" + id + "/replay")).containsExactly("OFFICER", "CHAIR", "INSPECTOR", "BOARD");
        assertThat(allowed("GET", "/audit/chain")).containsExactly("CHAIR", "INSPECTOR");
        assertThat(allowed("POST", "/audit/seals")).containsExactly("INSPECTOR", "ADMIN");
        assertThat(allowed("GET", "/audit/export")).containsExactly("INSPECTOR");
        assertThat(allowed("GET", "/audit")).as("each role sees there the parts its API routes allow")
                .containsExactly("CHAIR", "INSPECTOR", "ADMIN");
        assertThat(allowed("POST", "/audit")).isEmpty();
        assertThat(allowed("POST", "/audit/chain")).isEmpty();
        assertThat(allowed("POST", "/petitions/" + id + "/replay")).isEmpty();
    }

    /** The operations page and its forms let in exactly whom the API routes they stand for do. */
    @Test
    void the_operations_page_lets_in_exactly_the_roles_of_its_api_routes() {
        Map<String, String> pageToApi = Map.of(
                "GET /operations", "GET /api/admin/projections",
                "GET /operations/projections/counts/run", "GET /api/admin/projections/counts/rebuild",
                "POST /operations/projections/counts/rebuild", "POST /api/admin/projections/counts/rebuild",
                "POST /operations/projections/counts/verification", "POST /api/admin/projections/counts/verification",
                "POST /operations/dead-letters/counts/retry", "POST /api/admin/dead-letters/counts/retry");
        pageToApi.forEach((page, api) -> {
            String[] p = page.split(" ", 2);
            String[] a = api.split(" ", 2);
            assertThat(allowed(p[0], p[1])).as(page).isEqualTo(allowed(a[0], a[1])).isNotEmpty();
        });
        assertThat(allowed("GET", "/operations")).containsExactly("INSPECTOR", "ADMIN");
        assertThat(allowed("POST", "/operations/projections/counts/rebuild")).containsExactly("ADMIN");
        assertThat(allowed("POST", "/operations")).isEmpty();
        assertThat(allowed("GET", "/operations/projections/counts/rebuild")).isEmpty();
    }

    @Test
    void head_is_refused_where_get_is() {
        String id = Api.officer(port).post("/api/petitions", Api.petition("2019-05-02", "FEEDBACK", "Môi trường"))
                .text("id");
        assertThat(Api.as(port, "admin").head("/api/petitions/" + id).status()).isEqualTo(403);
        assertThat(Api.as(port, "officer").head("/api/audit/verification").status()).isEqualTo(403);
        assertThat(Api.as(port, "officer").head("/api/audit/export?from=2019-01-01&to=2019-12-31").status())
                .isEqualTo(403);
        assertThat(Api.as(port, "inspector").head("/api/petitions/" + id).status()).isEqualTo(200);
    }

    @Test
    void a_write_from_another_site_is_refused_and_writes_nothing() {
        Api officer = Api.officer(port);
        long before = officer.get("/api/petitions?size=1").json().path("total").asLong();
        Api.Response crossSite = officer.with("Origin", "https://evil.example").post("/api/petitions",
                Api.petition("2019-05-02", "FEEDBACK", "Môi trường"));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.header("Content-Type")).startsWith("application/problem+json");
        assertThat(crossSite.text("type")).isEqualTo("/problems/cross-origin");
        assertThat(officer.with("Sec-Fetch-Site", "cross-site").post("/api/petitions",
                Api.petition("2019-05-02", "FEEDBACK", "Môi trường")).status()).isEqualTo(403);
        assertThat(officer.with("Origin", "null").post("/api/petitions",
                Api.petition("2019-05-02", "FEEDBACK", "Môi trường")).status()).isEqualTo(403);
        assertThat(officer.get("/api/petitions?size=1").json().path("total").asLong()).isEqualTo(before);

        Api.Response sameSite = officer.with("Origin", "http://localhost:" + port).post("/api/petitions",
                Api.petition("2019-05-02", "FEEDBACK", "Môi trường"));
        assertThat(sameSite.status()).as(sameSite.toString()).isEqualTo(201);
        assertThat(officer.with("Origin", "https://evil.example").get("/api/petitions?size=1").status())
                .isEqualTo(200);
    }
}
