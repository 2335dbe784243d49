package vn.commune.petition.api.description;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.RawHttp;
import vn.commune.petition.domain.NamedRule;
import vn.commune.petition.domain.dossier.DossierRule;
import vn.commune.petition.domain.petition.PetitionRule;
import vn.commune.petition.domain.session.SessionRule;

/**
 * The API's description follows the code: every route of Spring's handler mappings is in it with
 * its methods, and every Problem Details status is documented on the operations that answer it,
 * seen by provoking each on the running service as well as read from each handler's parameters.
 */
@PetitionServiceTest
class ApiDescriptionTest {

    private static final List<String> ROLES = List.of("officer", "chair", "inspector", "admin");
    /** Larger than any body the service reads (petition.http.max-import-bytes is 8 MB). */
    private static final byte[] OVERSIZE = new byte[9 * 1024 * 1024];
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private JsonNode description;

    @BeforeEach
    void readTheDescription() {
        Api.Response response = Api.as(port, "inspector").get("/v3/api-docs");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        description = response.json();
    }

    /** Every {@code /api/**} route of Spring's handler mappings, with its handler. */
    private Map<Route, Handler> routes() {
        Map<Route, Handler> routes = new TreeMap<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = handler.getKey();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/")) {
                        continue;
                    }
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
                        routes.put(new Route(method.name(), VARIABLE.matcher(pattern).replaceAll("{$1}")),
                                new Handler(handler.getValue(), info.getConsumesCondition().getConsumableMediaTypes()));
                    }
                }
            }
        }
        assertThat(routes).as("the handler mappings were read")
                .containsKey(new Route("POST", "/api/petitions/{id}/acceptance"));
        return routes;
    }

    /** A method and a path, its variables named as in the description: "POST /api/petitions/{id}/acceptance". */
    record Route(String method, String path) implements Comparable<Route> {

        @Override
        public int compareTo(Route other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The handler of a route, and the media types of the bodies it reads (none named: JSON). */
    record Handler(HandlerMethod method, Set<MediaType> consumes) {

        boolean takes(Class<? extends java.lang.annotation.Annotation> annotation) {
            return Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(annotation));
        }
    }

    private JsonNode operation(Route route) {
        return description.path("paths").path(route.path()).path(route.method().toLowerCase());
    }

    private Set<String> documented(Route route) {
        Set<String> statuses = new TreeSet<>();
        operation(route).path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    /** Follows a {@code $ref} to what it names in the description. */
    private JsonNode resolved(JsonNode node) {
        while (node.has("$ref")) {
            String[] path = node.get("$ref").asText().substring(2).split("/");
            node = description;
            for (String step : path) {
                node = node.path(step);
            }
        }
        return node;
    }

    @Test
    void the_description_and_swagger_ui_are_served_by_the_service_to_every_signed_in_role_and_to_nobody_else() {
        for (String role : ROLES) {
            Api signedIn = Api.as(port, role);
            assertThat(signedIn.get("/v3/api-docs").text("openapi")).startsWith("3.");
            Api.Response page = signedIn.get("/swagger-ui/index.html");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("https://");
            assertThat(signedIn.get("/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);
            assertThat(signedIn.get("/v3/api-docs/swagger-config").text("validatorUrl")).isEqualTo("none");
        }
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/index.html")) {
            Api.Response nobody = Api.as(port, null, null).get(path);
            assertThat(nobody.status()).as(path).isEqualTo(401);
            assertThat(nobody.body()).doesNotContain("/api/petitions");
        }
    }

    @Test
    void every_api_route_is_described_with_its_methods_and_an_operation_id_of_its_own() {
        Map<Route, Handler> routes = routes();
        List<String> undescribed = new ArrayList<>();
        Map<String, List<Route>> byId = new TreeMap<>();
        routes.keySet().forEach(route -> {
            JsonNode operation = operation(route);
            if (operation.isMissingNode()) {
                undescribed.add(route.toString());
            } else {
                byId.computeIfAbsent(operation.path("operationId").asText(), id -> new ArrayList<>()).add(route);
            }
        });
        assertThat(undescribed).as("routes the description leaves out").isEmpty();
        assertThat(byId).as("operation ids").doesNotContainKey("")
                .allSatisfy((id, withId) -> assertThat(withId).as(id).hasSize(1));

        List<String> notRoutes = new ArrayList<>();
        description.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (!routes.containsKey(new Route(method.toUpperCase(), path.getKey()))) {
                        notRoutes.add(method.toUpperCase() + " " + path.getKey());
                    }
                }));
        assertThat(notRoutes).as("described operations no handler answers").isEmpty();
    }

    @Test
    void each_operation_documents_the_problems_its_handler_can_answer() {
        Map<String, Set<String>> missing = new TreeMap<>();
        routes().forEach((route, handler) -> {
            Set<String> expected = new TreeSet<>(List.of("400", "401", "403", "429", "503"));
            for (MethodParameter parameter : handler.method().getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    expected.addAll(List.of("413", "415"));
                }
                if (parameter.hasParameterAnnotation(PathVariable.class)) {
                    expected.add("404");
                }
                RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
                String name = header == null ? "" : header.name().isEmpty() ? header.value() : header.name();
                if (name.equalsIgnoreCase(HttpHeaders.IF_MATCH)) {
                    expected.add("412");
                }
                if (name.equalsIgnoreCase("Idempotency-Key")) {
                    expected.addAll(List.of("409", "422"));
                }
            }
            expected.removeAll(documented(route));
            if (!expected.isEmpty()) {
                missing.put(route.toString(), expected);
            }
        });
        assertThat(missing).as("statuses an operation can answer that its description leaves out").isEmpty();
    }

    @Test
    void every_problem_the_service_answers_to_a_bad_request_is_documented_on_the_operation_that_answered() {
        Observed observed = new Observed();
        Map<String, Integer> notFound = new TreeMap<>();
        routes().forEach((route, handler) -> {
            boolean body = handler.takes(RequestBody.class);
            String path = withUnknownIds(route, handler.method());
            observed.see(route, RawHttp.request(route.method(), path).send(port));
            observed.see(route, RawHttp.request(route.method(), path + "?probe=%01").send(port));
            if (body) {
                assertThat(route.method()).as(route.toString()).isEqualTo("POST");
                observed.see(route, Api.as(port, null, null).postBytes(path, OVERSIZE));
            }
            // Signed in, a request reaches its handler: only one that is refused or reads is sent.
            if (!body && !handler.takes(PathVariable.class) && !route.method().equals("GET")) {
                return;
            }
            for (String role : ROLES) {
                RawHttp request = RawHttp.request(route.method(), path).basic(role, role);
                RawHttp.Response response = observed.see(route,
                        body ? request.body("application/xml", "<petition/>").send(port) : request.send(port));
                if (response.status() != 403) {
                    if (!body && handler.takes(PathVariable.class) && response.status() != 404) {
                        notFound.put(route.toString(), response.status());
                    }
                    if (body && (handler.consumes().isEmpty()
                            || handler.consumes().contains(MediaType.APPLICATION_JSON))) {
                        observed.see(route, RawHttp.request(route.method(), path).basic(role, role)
                                .json("{\"truncated\": ").send(port));
                    }
                    break;
                }
            }
        });
        assertThat(observed.undocumented).as("statuses answered that the operation's description leaves out")
                .isEmpty();
        assertThat(observed.notProblems).as("errors not answered in Problem Details").isEmpty();
        assertThat(notFound).as("unknown ids not answered 404").isEmpty();
        assertThat(observed.statuses).as("the probes provoked each problem")
                .contains(400, 401, 403, 404, 413, 415);
    }

    @Test
    void a_broken_rule_a_stale_version_and_a_reused_key_are_documented_where_the_service_answers_them() {
        Observed observed = new Observed();
        Api officer = Api.officer(port);
        Api chair = Api.chair(port);
        Route receive = new Route("POST", "/api/petitions");
        Route accept = new Route("POST", "/api/petitions/{id}/acceptance");
        String key = UUID.randomUUID().toString();
        Api.Response received = officer.with("Idempotency-Key", key)
                .post("/api/petitions", Api.petition("2019-05-02", "FEEDBACK", "Môi trường"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.text("id");
        String acceptance = "/api/petitions/" + id + "/acceptance";

        assertThat(observed.see(receive, officer.with("Idempotency-Key", key)
                .post("/api/petitions", Api.petition("2019-05-02", "FEEDBACK", "Giao thông")))).isEqualTo(422);
        assertThat(observed.see(accept, Api.as(port, "inspector").post(acceptance, Map.of("acceptedOn", "2019-05-03"))))
                .isEqualTo(403);
        assertThat(observed.see(accept, chair.post("/api/petitions/" + UUID.randomUUID() + "/acceptance",
                Map.of("acceptedOn", "2019-05-03")))).isEqualTo(404);
        assertThat(observed.see(accept, chair.with("If-Match", "\"7\"").post(acceptance,
                Map.of("acceptedOn", "2019-05-03")))).isEqualTo(412);
        assertThat(chair.post(acceptance, Map.of("acceptedOn", "2019-05-03")).status()).isEqualTo(200);
        Api.Response again = chair.post(acceptance, Map.of("acceptedOn", "2019-05-03"));
        assertThat(observed.see(accept, again)).isEqualTo(409);
        assertThat(description.path("info").path("description").asText()).contains("`" + again.text("rule") + "`");

        assertThat(observed.undocumented).isEmpty();
        assertThat(observed.notProblems).isEmpty();
    }

    @Test
    void the_problems_are_described_with_their_members_headers_and_the_names_of_the_domains_rules() {
        JsonNode acceptance = operation(new Route("POST", "/api/petitions/{id}/acceptance"));
        JsonNode invalid = problemSchema(acceptance, "400");
        assertThat(invalid.path("errors").path("type").asText()).isEqualTo("array");
        assertThat(resolved(invalid.path("errors").path("items")).path("properties").has("field")).isTrue();
        assertThat(resolved(invalid.path("errors").path("items")).path("properties").has("message")).isTrue();
        assertThat(invalid.path("errorsLeftOff").path("type").asText()).isEqualTo("boolean");
        assertThat(invalid.path("status").path("type").asText()).isEqualTo("integer");
        assertThat(problemSchema(acceptance, "409").path("rule").path("type").asText()).isEqualTo("string");
        assertThat(problemSchema(acceptance, "412").path("detail").path("type").asText()).isEqualTo("string");

        String rules = description.path("info").path("description").asText();
        Stream.of(PetitionRule.values(), SessionRule.values(), DossierRule.values()).flatMap(Arrays::stream)
                .map(NamedRule::name)
                .forEach(name -> assertThat(rules).contains("`" + name + "`"));
        assertThat(rules).contains("PetitionRule", "SessionRule", "DossierRule");

        assertThat(resolved(resolved(acceptance.path("responses").path("401")).path("headers")
                .path("WWW-Authenticate")).path("schema").path("type").asText()).isEqualTo("string");
        for (String status : List.of("429", "503")) {
            assertThat(resolved(acceptance.path("responses").path(status)).path("headers").has("Retry-After"))
                    .as(status).isTrue();
        }
        assertThat(acceptance.path("responses").path("200").path("headers").has("ETag")).isTrue();
        assertThat(operation(new Route("POST", "/api/petitions")).path("responses").path("201")
                .path("headers").has("Location")).isTrue();
        assertThat(operation(new Route("GET", "/api/petitions/{id}")).path("responses").path("200")
                .path("headers").has("ETag")).isTrue();
        List<String> headers = new ArrayList<>();
        acceptance.path("parameters").forEach(parameter -> {
            if (parameter.path("in").asText().equals("header")) {
                assertThat(parameter.path("description").asText()).as(parameter.toString()).isNotBlank();
                headers.add(parameter.path("name").asText());
            }
        });
        assertThat(headers).containsExactlyInAnyOrder("If-Match", "Idempotency-Key");

        assertThat(description.path("components").path("securitySchemes").path("basic").path("scheme").asText())
                .isEqualTo("basic");
        assertThat(description.path("security").get(0).has("basic")).isTrue();
    }

    @Test
    void the_request_bodies_are_the_request_records_with_their_constraints() {
        JsonNode body = resolved(operation(new Route("POST", "/api/petitions"))
                .path("requestBody").path("content").path("application/json").path("schema"));
        assertThat(body.path("required").toString()).contains("\"receivedOn\"", "\"summary\"", "\"petitioners\"");
        assertThat(body.path("properties").path("summary").path("maxLength").asInt()).isEqualTo(4000);
        assertThat(body.path("properties").path("summary").path("description").asText()).contains("blank");
        assertThat(body.path("properties").path("receivedOn").path("description").asText())
                .contains("2000 to 2100", "past or in the present");
        assertThat(body.path("properties").path("channel").path("enum").toString()).contains("RECEPTION_SESSION");
        JsonNode petitioner = resolved(body.path("properties").path("petitioners").path("items"));
        assertThat(petitioner.path("properties").path("idNumber").path("pattern").asText()).isEqualTo("\\d{9}|\\d{12}");

        Set<String> byRecord = new TreeSet<>();
        routes().values().forEach(handler -> Arrays.stream(handler.method().getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .map(MethodParameter::getParameterType)
                .filter(Class::isRecord)
                .forEach(record -> {
                    Set<String> components = new LinkedHashSet<>();
                    Arrays.stream(record.getRecordComponents()).forEach(c -> components.add(c.getName()));
                    Set<String> properties = new LinkedHashSet<>();
                    description.path("components").path("schemas").path(record.getSimpleName()).path("properties")
                            .fieldNames().forEachRemaining(properties::add);
                    assertThat(properties).as(record.getSimpleName()).containsExactlyInAnyOrderElementsOf(components);
                    byRecord.add(record.getSimpleName());
                }));
        assertThat(byRecord).contains("ReceivePetitionRequest", "AcceptanceRequest", "LogVisitRequest");
    }

    /** The members of the problem an operation answers with this status, its allOf merged. */
    private JsonNode problemSchema(JsonNode operation, String status) {
        JsonNode response = resolved(operation.path("responses").path(status));
        JsonNode schema = resolved(response.path("content").path("application/problem+json").path("schema"));
        Map<String, JsonNode> members = new LinkedHashMap<>();
        List<JsonNode> parts = new ArrayList<>();
        parts.add(schema);
        schema.path("allOf").forEach(part -> parts.add(resolved(part)));
        parts.forEach(part -> part.path("properties").fields()
                .forEachRemaining(member -> members.put(member.getKey(), member.getValue())));
        assertThat(members).as(status + " problem").isNotEmpty();
        return new ObjectMapper().valueToTree(members);
    }

    /** The route's path with each variable naming nothing: a number nothing has, or an unused UUID. */
    private static String withUnknownIds(Route route, HandlerMethod handler) {
        Matcher variables = VARIABLE.matcher(route.path());
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            boolean numeric = Arrays.stream(handler.getMethodParameters())
                    .filter(parameter -> parameter.hasParameterAnnotation(PathVariable.class))
                    .filter(parameter -> name.equals(variableName(parameter)))
                    .anyMatch(parameter -> Number.class.isAssignableFrom(
                            ClassUtils.resolvePrimitiveIfNecessary(parameter.getParameterType())));
            variables.appendReplacement(path, numeric ? "999999999" : UUID.randomUUID().toString());
        }
        variables.appendTail(path);
        return path.toString();
    }

    private static String variableName(MethodParameter parameter) {
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (!variable.name().isEmpty()) {
            return variable.name();
        }
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        return parameter.getParameterName();
    }

    /** The error statuses seen, and those the description of the operation that answered leaves out. */
    private final class Observed {

        final Set<Integer> statuses = new TreeSet<>();
        final Map<String, Set<Integer>> undocumented = new TreeMap<>();
        final Map<String, String> notProblems = new TreeMap<>();

        RawHttp.Response see(Route route, RawHttp.Response response) {
            see(route, response.status(), response.header("Content-Type"));
            return response;
        }

        int see(Route route, Api.Response response) {
            see(route, response.status(), response.header("Content-Type"));
            return response.status();
        }

        private void see(Route route, int status, String contentType) {
            if (status < 400) {
                return;
            }
            statuses.add(status);
            if (!documented(route).contains(Integer.toString(status))) {
                undocumented.computeIfAbsent(route.toString(), r -> new TreeSet<>()).add(status);
            }
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                notProblems.put(route + " " + status, String.valueOf(contentType));
            }
        }
    }
}
