package vn.commune.petition.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.resilience.BadInputs.Bad;
import vn.commune.petition.api.resilience.BadInputs.Op;
import vn.commune.petition.api.resilience.BadInputs.Position;
import vn.commune.petition.api.resilience.BadInputs.Verdict;
import vn.commune.petition.api.resilience.Endpoints.Fixture;
import vn.commune.petition.api.resilience.Endpoints.Readback;
import vn.commune.petition.api.resilience.Endpoints.Template;
import vn.commune.petition.api.security.ApiPaths;

/**
 * The resilience battery: one bad value at a time (a body field, a CSV cell, a query parameter, a
 * path variable, a header, the method or the path) in an otherwise valid request to any endpoint.
 * The answer comes, and is never a 5xx; a 4xx is Problem Details and writes nothing; a 2xx stores
 * exactly what was sent (read back code point for code point), never a value that has no faithful
 * reading, and leaves the read models rebuildable. Beside it: every endpoint has a valid request
 * here, HEAD is authorized as GET, a stale If-Match wins over a broken rule. Its own database,
 * since it seals, rebuilds and counts every write.
 *
 * <p>Two properties: random bad values in random places of their kind ({@code -Dbattery.tries=N},
 * 200 by default), and every bad value of the catalogue once ({@code BadInputs}). {@code
 * -Dbattery.seed=N} fixes the seed (and which place each value of the sweep goes to); with
 * {@code CI=true} in the environment it is fixed to {@link #CI_SEED}, otherwise random and printed.
 * {@code -Dbattery.survey=true} runs every try and lists every distinct failure instead of stopping
 * at the first.
 */
@PetitionServiceTest
// The public lookup's throttle would answer the battery's thousands of wrong lookups 429 (CitizenLookupTest tests it).
@TestPropertySource(properties = {"petition.test.context=resilience-battery", "petition.audit.settle=PT0S",
    "petition.lookup.throttle.per-address.failures=1000000", "petition.lookup.throttle.per-reference.failures=1000000"})
@DirtiesContext
class ResilienceBatteryTest {

    /** The seed when CI=true and none is given. */
    static final String CI_SEED = "20241112";

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestContextManager SPRING = new TestContextManager(ResilienceBatteryTest.class);
    private static final boolean SURVEY = Boolean.getBoolean("battery.survey");
    private static final Map<String, Finding> FINDINGS = new ConcurrentHashMap<>();
    private static final Map<Integer, Shared> SHARED = new ConcurrentHashMap<>();
    private static final AtomicInteger DONE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Seed and tries from the command line; the seed fixed on CI. */
    static class Settings implements AroundPropertyHook {

        static String seed() {
            String seed = System.getProperty("battery.seed");
            if ((seed == null || seed.isBlank()) && "true".equals(System.getenv("CI"))) {
                seed = CI_SEED;
            }
            return seed == null || seed.isBlank() ? null : seed;
        }

        private static final int TURN = seed() == null ? new java.util.Random().nextInt(1_000) : seed().hashCode();

        /** How far the sweep turns the places of each kind: from the seed, so that a run can be repeated. */
        static int turn() {
            return TURN;
        }

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            boolean exhaustive = context.attributes().generation().orElse(null) == GenerationMode.EXHAUSTIVE;
            if (seed() != null && !exhaustive) {
                context.attributes().setSeed(seed());
            }
            if (System.getProperty("battery.tries") != null && !exhaustive) {
                context.attributes().setTries(Integer.getInteger("battery.tries"));
            }
            PropertyExecutionResult result = property.execute();
            System.out.printf("%s: %d tries, %s, %s%n", context.label(), result.countTries(),
                    exhaustive ? "places turned by " + TURN : "seed " + result.seed().orElse("?"),
                    SURVEY ? FINDINGS.size() + " distinct failures so far" : result.status());
            if (DONE.incrementAndGet() == 2) {
                // What the battery let through must not stop the read models from being rebuilt.
                List<String> rebuilds = ((ResilienceBatteryTest) context.testInstance()).rebuildsAfterTheBattery();
                if (SURVEY && !FINDINGS.isEmpty() || !rebuilds.isEmpty()) {
                    return result.mapToFailed(new AssertionError(String.join("\n", rebuilds)
                            + (SURVEY ? "\n" + report() : "")));
                }
            }
            return result;
        }
    }

    @BeforeProperty
    void startTheService() throws Exception {
        SPRING.prepareTestInstance(this);
    }

    @AfterContainer
    static void stopTheService() throws Exception {
        SPRING.afterTestClass();
    }

    // ---- the battery --------------------------------------------------------------------------

    /** One bad value in one place of one valid request. */
    record Attempt(Template template, Position position, Bad value) {

        @Override
        public String toString() {
            return template + ", " + position + ": " + value;
        }
    }

    private static final List<Template> TEMPLATES = Endpoints.all();
    private static final Map<String, List<BadInputs.Place>> PLACES = BadInputs.places(TEMPLATES);
    private static final List<BadInputs.Entry> CATALOGUE = BadInputs.catalogue(TEMPLATES);

    /** Any bad value, each as likely as another, in any place of its kind. */
    @Provide
    Arbitrary<Attempt> attempts() {
        return Arbitraries.of(CATALOGUE).flatMap(entry -> Arbitraries.of(PLACES.get(entry.placeKind()))
                .map(place -> new Attempt(place.template(), place.position(), entry.value())));
    }

    @Provide
    Arbitrary<BadInputs.Entry> everyBadValue() {
        return Arbitraries.of(CATALOGUE);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(Settings.class)
    void one_bad_value_in_a_valid_request_gets_a_problem_and_writes_nothing_or_is_stored_faithfully(
            @ForAll("attempts") Attempt attempt) {
        check(attempt);
    }

    /**
     * Every bad value of the catalogue once, each in one place of its kind: which place turns with
     * the seed, so that runs with other seeds put each value elsewhere.
     */
    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 5_000)
    @AddLifecycleHook(Settings.class)
    void every_bad_value_once_gets_a_problem_and_writes_nothing_or_is_stored_faithfully(
            @ForAll("everyBadValue") BadInputs.Entry entry) {
        List<BadInputs.Place> places = PLACES.get(entry.placeKind());
        BadInputs.Place place = places.get(Math.floorMod(CATALOGUE.indexOf(entry) * 7 + Settings.turn(), places.size()));
        check(new Attempt(place.template(), place.position(), entry.value()));
    }

    private void check(Attempt attempt) {
        Outcome outcome = attempt(attempt);
        if (outcome.problems().isEmpty()) {
            return;
        }
        if (SURVEY) {
            for (String problem : outcome.problems()) {
                FINDINGS.computeIfAbsent(signature(attempt, problem), key -> new Finding(problem, attempt,
                        outcome.request(), outcome.response())).seen(attempt.template().name());
            }
            return;
        }
        throw new AssertionError(String.join("; ", outcome.problems()) + "\n  attempt:  " + attempt
                + "\n  request:  " + outcome.request().curl() + "\n  response: " + outcome.response().summary());
    }

    /** What the battery sent, what came back, and what is wrong with it. */
    record Outcome(RawHttp.Request request, RawHttp.Response response, List<String> problems) {
    }

    /**
     * A redirect is an answer only where one is the route's job: an address outside the API is a
     * page's, and a page asked for before signing in goes to the sign-in form (a form without its CSRF token, as having expired); springdoc's
     * {@code /swagger-ui.html} sends the reader on to its index page.
     */
    private static boolean redirectsAsItShould(RawHttp.Request request, RawHttp.Response response) {
        if (response.status() < 300 || response.status() >= 400 || response.header("Location") == null) {
            return false;
        }
        String path = request.target().replaceFirst("[?#].*", "");
        String location = response.header("Location").replaceFirst("[?#].*", "");
        return !ApiPaths.isApi(path) && location.endsWith("/login")
                || path.equals("/swagger-ui.html") && location.endsWith("/swagger-ui/index.html");
    }

    Outcome attempt(Attempt attempt) {
        Prepared prepared = prepare(attempt.template());
        Rendered rendered = render(attempt, prepared);
        Snapshot before = snapshot();
        RawHttp.Response response = RawHttp.send(port, rendered.request(), TIMEOUT);
        if (attempt.template().fixture() == Fixture.PROJECTION && attempt.template().writes()) {
            awaitRuns(prepared.variables().get("name"));
        }
        Snapshot after = snapshot();
        List<String> problems = new ArrayList<>();
        int status = response.status();
        boolean methodChanged = attempt.position() instanceof BadInputs.Method;
        if (status < 0) {
            problems.add("no answer within " + TIMEOUT.toSeconds() + " s"
                    + Objects.toString(response.header("x-io-error"), ""));
        } else if (status >= 500) {
            problems.add("answered " + status);
        } else if (status >= 400) {
            if (!response.contentType().startsWith("application/problem+json")) {
                problems.add(status + " is not Problem Details (Content-Type: " + response.contentType() + ")");
            } else if (!rendered.request().method().equals("HEAD") && !problemBody(response, status)) {
                problems.add(status + " has no Problem Details body with its status");
            }
            if (!after.equals(before)) {
                problems.add("a " + status + " wrote " + before.difference(after));
            }
        } else if (status >= 200 && status < 300) {
            if (attempt.value().verdict() == Verdict.REFUSE) {
                problems.add("accepted (" + status + ") a value it must refuse");
            } else if (attempt.template().writes() && !methodChanged) {
                problems.addAll(faithful(attempt, prepared, rendered, response));
            }
        } else if (!redirectsAsItShould(rendered.request(), response)) {
            problems.add("answered " + status + Objects.toString(response.header("Location"), "").transform(
                    location -> location.isEmpty() ? "" : " to " + location));
        }
        if ((!attempt.template().writes() || methodChanged) && status >= 0 && !after.equals(before)) {
            problems.add("a " + rendered.request().method() + " that should not write wrote "
                    + before.difference(after));
        }
        return new Outcome(rendered.request(), response, problems);
    }

    private static boolean problemBody(RawHttp.Response response, int status) {
        try {
            return JSON.readTree(response.body()).path("status").asInt() == status;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- what the service wrote ---------------------------------------------------------------

    /** What a request can write: events, kept idempotent responses, reference numbers, seals, dossiers. */
    record Snapshot(long events, long keys, long references, long seals, long dossiers) {

        String difference(Snapshot after) {
            List<String> written = new ArrayList<>();
            add(written, "events", after.events - events);
            add(written, "idempotency keys", after.keys - keys);
            add(written, "reference numbers", after.references - references);
            add(written, "seals", after.seals - seals);
            add(written, "dossiers", after.dossiers - dossiers);
            return String.join(", ", written);
        }

        private static void add(List<String> written, String what, long delta) {
            if (delta != 0) {
                written.add(delta + " " + what);
            }
        }
    }

    private Snapshot snapshot() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM domainevententry),
                       (SELECT count(*) FROM idempotent_request),
                       (SELECT coalesce(sum(last_value), 0) FROM pg_sequences
                         WHERE schemaname = 'public' AND sequencename LIKE 'petition_reference_%'),
                       (SELECT count(*) FROM audit_seal),
                       (SELECT count(*) FROM one_stop_dossier)""")
                .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .single();
    }

    // ---- a faithful store ---------------------------------------------------------------------

    private List<String> faithful(Attempt attempt, Prepared prepared, Rendered rendered, RawHttp.Response response) {
        Template template = attempt.template();
        if (template.readback() == Readback.NONE || rendered.sent() == null) {
            return List.of();
        }
        JsonNode stored;
        try {
            stored = readBack(template, prepared, rendered, response);
        } catch (RuntimeException e) {
            return List.of("what a " + response.status() + " stored cannot be read back: " + e.getMessage());
        }
        if (stored == null) {
            return List.of("a " + response.status() + " stored nothing that can be read back");
        }
        List<String> problems = new ArrayList<>();
        compare("", rendered.sent(), stored, problems);
        for (String required : template.required()) {
            int dot = required.lastIndexOf('.');
            JsonNode parent = dot < 0 ? rendered.sent() : BadInputs.at((ObjectNode) rendered.sent(),
                    required.substring(0, dot));
            if (parent.isMissingNode() || parent.isNull()) {
                continue; // no petitioner (an anonymous letter), or no petition: nothing is required of it
            }
            JsonNode sent = BadInputs.at((ObjectNode) rendered.sent(), required);
            if (sent.isMissingNode() || sent.isNull() || sent.isTextual() && blank(sent.asText())) {
                problems.add("accepted a required text (" + required + ") that is blank once every Unicode space"
                        + " is removed");
            }
        }
        return problems;
    }

    private void compare(String path, JsonNode sent, JsonNode stored, List<String> problems) {
        if (stored == null || stored.isMissingNode()) {
            return;
        }
        if (sent.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = sent.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                compare(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(),
                        stored.get(field.getKey()), problems);
            }
        } else if (sent.isArray()) {
            for (int i = 0; i < sent.size(); i++) {
                compare(path + "[" + i + "]", sent.get(i), stored.get(i), problems);
            }
        } else if (sent.isTextual()) {
            String text = sent.asText();
            boolean same = stored.isTextual() ? sameText(text, stored.asText()) : stored.isNull() && blank(text);
            if (!same) {
                problems.add(path + " was stored unfaithfully: sent " + codePoints(text) + ", read back "
                        + (stored.isTextual() ? codePoints(stored.asText()) : stored.toString()));
            }
        } else if (sent.isNumber()) {
            if (!stored.isNumber() || sent.decimalValue().compareTo(stored.decimalValue()) != 0) {
                problems.add(path + " was stored unfaithfully: sent " + sent + ", read back " + stored);
            }
        } else if (sent.isBoolean() && !sent.equals(stored)) {
            problems.add(path + " was stored unfaithfully: sent " + sent + ", read back " + stored);
        }
    }

    /** Equal, up to white space at either end and canonical equivalence (NFC). */
    static boolean sameText(String sent, String stored) {
        for (String candidate : List.of(sent, sent.strip(), stripUnicodeSpace(sent))) {
            if (candidate.equals(stored) || Normalizer.normalize(candidate, Normalizer.Form.NFC)
                    .equals(Normalizer.normalize(stored, Normalizer.Form.NFC))) {
                return true;
            }
        }
        return false;
    }

    /** Every Unicode White_Space character (Java's whitespace and space separators, NEL included). */
    static boolean unicodeSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    static boolean blank(String text) {
        return text.codePoints().allMatch(ResilienceBatteryTest::unicodeSpace);
    }

    private static String stripUnicodeSpace(String text) {
        int[] points = text.codePoints().toArray();
        int start = 0;
        int end = points.length;
        while (start < end && unicodeSpace(points[start])) {
            start++;
        }
        while (end > start && unicodeSpace(points[end - 1])) {
            end--;
        }
        return new String(points, start, end - start);
    }

    /** A text as code points, shortened: what a failure shows. */
    static String codePoints(String text) {
        String points = text.chars().limit(12)
                .mapToObj(c -> c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c))
                .collect(Collectors.joining());
        return "\"" + points + (text.length() > 12 ? "…(" + text.length() + " chars)" : "") + "\"";
    }

    private JsonNode readBack(Template template, Prepared prepared, Rendered rendered, RawHttp.Response response) {
        Api chair = Api.chair(port);
        return switch (template.readback()) {
            case LOCATION -> chair.get(response.header("Location")).json();
            case LAST_EVENT -> {
                JsonNode events = chair.get("/api/petitions/" + prepared.variables().get("id") + "/history").json()
                        .path("events");
                JsonNode last = events.get(events.size() - 1);
                if (last.path("sequence").asLong() != prepared.version() + 1) {
                    yield null;
                }
                yield last.path("data");
            }
            case VISIT -> {
                String visitId = json(response.body()).path("visit").path("id").asText();
                JsonNode session = chair.get("/api/sessions/" + prepared.variables().get("id")).json();
                for (JsonNode visit : session.path("visits")) {
                    if (visit.path("id").asText().equals(visitId)) {
                        ObjectNode stored = visit.deepCopy();
                        if (visit.hasNonNull("petitionId")) {
                            stored.set("petition", chair.get("/api/petitions/" + visit.path("petitionId").asText())
                                    .json());
                        }
                        yield stored;
                    }
                }
                yield null;
            }
            case DOSSIER -> jdbc.sql("""
                    SELECT code, field, channel, received_on, returned_on, resolved_on
                    FROM one_stop_dossier WHERE code IN (:codes)""")
                    .param("codes", List.of(rendered.sent().path("code").asText(),
                            rendered.sent().path("code").asText().strip(),
                            stripUnicodeSpace(rendered.sent().path("code").asText())))
                    .query((rs, n) -> {
                        ObjectNode row = JsonNodeFactory.instance.objectNode();
                        row.put("code", rs.getString(1));
                        row.put("field", rs.getString(2));
                        row.put("channel", rs.getString(3));
                        row.put("receivedOn", rs.getString(4));
                        row.put("returnedOn", rs.getString(5));
                        row.put("resolvedOn", rs.getString(6));
                        return (JsonNode) row;
                    })
                    .optional().orElse(null);
            case NONE -> null;
        };
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rebuilds each read model that has a set-based rebuild, and verifies each: what fails. */
    List<String> rebuildsAfterTheBattery() {
        List<String> failed = new ArrayList<>();
        Api admin = Api.as(port, "admin");
        for (String projection : List.of("petition-view", "counts", "session-view")) {
            Api.Response started = admin.post("/api/admin/projections/" + projection + "/rebuild", "");
            if (started.status() != 202) {
                failed.add("the rebuild of " + projection + " did not start: " + started);
                continue;
            }
            awaitRuns(projection);
            Api.Response run = admin.get("/api/admin/projections/" + projection + "/rebuild");
            if (!"DONE".equals(run.text("state"))) {
                failed.add("after the battery, the rebuild of " + projection + " ended " + run);
            }
            Api.Response verification = admin.post("/api/admin/projections/" + projection + "/verification", "");
            if (verification.status() != 202) {
                failed.add("the verification of " + projection + " did not start: " + verification);
                continue;
            }
            awaitRuns(projection);
            Api.Response verified = admin.get("/api/admin/projections/" + projection + "/verification");
            if (!"MATCH".equals(verified.json().path("verification").path("status").asText())) {
                failed.add("after the battery, " + projection + " does not verify: " + verified.status() + " "
                        + verified.text("state") + " " + verified.json().path("verification").path("status").asText());
            }
        }
        return failed;
    }

    // ---- fixtures -----------------------------------------------------------------------------

    /** What a try's request refers to: path variables, the petition's version, the placeholders. */
    record Prepared(Map<String, String> variables, long version, Map<String, String> placeholders) {
    }

    /** What the tries share: a petition to read, an open session, a seal. */
    record Shared(String petition, String session, String seal) {
    }

    private Shared shared() {
        return SHARED.computeIfAbsent(port, p -> {
            String petition = receive();
            String session = openSession();
            Api.Response sealed = Api.as(port, "inspector").post("/api/audit/seals", "");
            assertThat(sealed.status()).as(sealed.toString()).isEqualTo(201);
            rebuild("session-view");
            Api.Response verification = Api.as(port, "inspector")
                    .post("/api/admin/projections/session-view/verification", "");
            assertThat(verification.status()).as(verification.toString()).isEqualTo(202);
            awaitRuns("session-view");
            return new Shared(petition, session, sealed.text("id"));
        });
    }

    private String receive() {
        Api.Response received = Api.officer(port).post("/api/petitions",
                Api.petition("2024-03-04", "RECOMMENDATION", "Xây dựng"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    /** A complaint received on 7 July 2026 and accepted the day after, under Luật 136/2025/QH15. */
    private String complaintAccepted() {
        Api.Response received = Api.officer(port).post("/api/petitions",
                Api.petition("2026-07-07", "COMPLAINT", "Đất đai"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.text("id");
        Api.Response accepted = Api.chair(port).post("/api/petitions/" + id + "/acceptance",
                Map.of("acceptedOn", "2026-07-08"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return id;
    }

    /** A complaint with one document handed over and a scan of it (a PDF), accepted. */
    private String scanned() {
        Map<String, Object> body = new LinkedHashMap<>(Api.petition("2024-03-04", "COMPLAINT", "Đất đai"));
        body.put("handedOver", List.of(Map.of("title", "Sổ đỏ", "pages", 2, "original", false)));
        Api.Response received = Api.officer(port).post("/api/petitions", body);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.text("id");
        Api.Response scan = Api.officer(port).put("/api/petitions/" + id + "/handed-over/1/scan", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(scan.status()).as(scan.toString()).isEqualTo(200);
        // Accepted, so that it has a printed document: its thông báo thụ lý.
        assertThat(Api.chair(port).post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn", "2024-03-05"))
                .status()).isEqualTo(200);
        return id;
    }

    private String openSession() {
        Api.Response opened = Api.officer(port).post("/api/sessions", Map.of("heldOn", "2024-03-07",
                "kind", "PERIODIC", "host", "Chủ tịch UBND xã", "hostedInPerson", true));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("id");
    }

    private void rebuild(String projection) {
        Api.Response started = Api.as(port, "admin").post("/api/admin/projections/" + projection + "/rebuild", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        awaitRuns(projection);
    }

    /** Waits until neither a rebuild nor a verification of the projection is running. */
    private void awaitRuns(String projection) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Stream.of("rebuild", "verification").noneMatch(kind -> {
                Api.Response run = Api.as(port, "admin").get("/api/admin/projections/" + projection + "/" + kind);
                return run.status() == 200 && "RUNNING".equals(run.text("state"));
            })) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The counts are kept behind the writes; a report read while they catch up may fail its own
     * checks (409), which is not what the battery is after.
     */
    private void awaitCounts() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode projection : Api.as(port, "admin").get("/api/admin/projections").json()) {
                if (projection.path("name").asText().equals("counts")
                        && projection.path("position").asLong(-1) >= projection.path("head").asLong()) {
                    return;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Prepared prepare(Template template) {
        Shared shared = shared();
        Map<String, String> variables = new LinkedHashMap<>();
        long version = 0;
        switch (template.fixture()) {
            case NONE -> { }
            case RECEIVED -> variables.put("id", receive());
            case ACCEPTED -> {
                String id = receive();
                Api.Response accepted = Api.chair(port).post("/api/petitions/" + id + "/acceptance",
                        Map.of("acceptedOn", "2024-03-05"));
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
                variables.put("id", id);
                version = 1;
            }
            case PETITION -> variables.put("id", shared.petition());
            case SESSION -> variables.put("id", shared.session());
            case NEW_SESSION -> variables.put("id", openSession());
            case SEAL -> variables.put("id", shared.seal());
            case PROJECTION -> variables.put("name", "session-view");
            case DEAD_LETTER_GROUP -> variables.put("group", "counts");
            case SCANNED -> {
                variables.put("id", scanned());
                variables.put("document", "1");
                variables.put("name", "thong-bao-thu-ly");
            }
            case LOOKUP -> { }
            case COMPLAINT_ACCEPTED, COMPLAINT_SUSPENDED -> {
                String id = complaintAccepted();
                version = 1;
                if (template.fixture() == Fixture.COMPLAINT_SUSPENDED) {
                    Api.Response suspended = Api.chair(port).post("/api/petitions/" + id + "/suspension",
                            Map.of("suspendedOn", "2026-07-20", "reason", "Chờ kết quả giám định"));
                    assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
                    version = 2;
                }
                variables.put("id", id);
            }
        }
        if (template.pattern().equals("/api/reports")) {
            awaitCounts();
        }
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("${version}", String.valueOf(version));
        placeholders.put("${key}", UUID.randomUUID().toString());
        placeholders.put("${session}", shared.session());
        placeholders.put("${code}", "BT-" + UUID.randomUUID().toString().substring(0, 13));
        placeholders.put("${now}", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        if (template.fixture() == Fixture.LOOKUP) {
            Api.Response received = Api.officer(port).post("/api/petitions",
                    Api.petition("2024-03-04", "RECOMMENDATION", "Xây dựng"));
            assertThat(received.status()).as(received.toString()).isEqualTo(201);
            placeholders.put("${reference}", received.text("reference"));
            placeholders.put("${lookupCode}", received.text("lookupCode"));
        }
        return new Prepared(variables, version, placeholders);
    }

    // ---- the request with its bad value -------------------------------------------------------

    /** The request as sent, and the body as the service should read it (null when it has no reading). */
    record Rendered(RawHttp.Request request, JsonNode sent) {
    }

    private static final String MARK = "@@BAD-VALUE@@";

    static Rendered render(Attempt attempt, Prepared prepared) {
        Template template = attempt.template();
        Position position = attempt.position();
        Bad bad = attempt.value();
        String method = position instanceof BadInputs.Method
                ? bad.text().replace("%LOWER%", template.method().toLowerCase(Locale.ROOT)) : template.method();

        Map<String, String> variables = new LinkedHashMap<>(prepared.variables());
        StringBuilder path = new StringBuilder();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(template.pattern());
        int at = 0;
        while (matcher.find()) {
            path.append(template.pattern(), at, matcher.start());
            String valid = variables.get(matcher.group(1));
            if (position instanceof BadInputs.PathVariable variable && variable.name().equals(matcher.group(1))) {
                path.append(new String(bad.raw(), StandardCharsets.ISO_8859_1)
                        .replace("%UPPER%", valid.toUpperCase(Locale.ROOT)).replace("%VALUE%", valid));
            } else {
                path.append(valid);
            }
            at = matcher.end();
        }
        path.append(template.pattern().substring(at));
        String target = position instanceof BadInputs.Path ? bentPath(path.toString(), bad) : path.toString();

        List<String> query = new ArrayList<>();
        template.query().forEach((name, value) -> {
            String valid = fill(value, prepared);
            if (position instanceof BadInputs.Query parameter && parameter.name().equals(name)) {
                switch (bad.op()) {
                    case REPLACE -> query.add(name + "=" + new String(bad.raw(), StandardCharsets.ISO_8859_1));
                    case REMOVE -> { }
                    case DUPLICATE -> {
                        query.add(name + "=" + valid);
                        query.add(name + "=" + valid);
                    }
                }
            } else {
                query.add(name + "=" + valid);
            }
        });
        if (!query.isEmpty()) {
            target += "?" + String.join("&", query);
        }

        String user = template.user();
        List<RawHttp.Header> headers = new ArrayList<>();
        Map<String, String> validHeaders = new LinkedHashMap<>();
        template.headers().forEach((name, value) -> validHeaders.put(name, fill(value, prepared)));
        if (template.body() != null) {
            validHeaders.put("Content-Type", template.contentType());
        }
        if (position instanceof BadInputs.Header header) {
            String name = header.name();
            byte[] raw = new String(bad.raw(), StandardCharsets.UTF_8).contains("%VERSION%")
                    ? bad.text().replace("%VERSION%", String.valueOf(prepared.version())).getBytes(StandardCharsets.UTF_8)
                    : bad.raw();
            if (name.equals("Authorization")) {
                user = null;
            }
            validHeaders.forEach((n, v) -> {
                if (!n.equals(name)) {
                    headers.add(RawHttp.Header.of(n, v));
                }
            });
            switch (bad.op()) {
                case REPLACE -> headers.add(new RawHttp.Header(name, raw));
                case REMOVE -> { }
                case DUPLICATE -> {
                    headers.add(RawHttp.Header.of(name, validHeaders.getOrDefault(name, "")));
                    headers.add(RawHttp.Header.of(name, validHeaders.getOrDefault(name, "")));
                }
            }
        } else {
            validHeaders.forEach((n, v) -> headers.add(RawHttp.Header.of(n, v)));
        }

        byte[] body = null;
        JsonNode sent = null;
        if (template.json()) {
            ObjectNode valid = (ObjectNode) json(fill(template.body(), prepared).getBytes(StandardCharsets.UTF_8));
            body = jsonBody(valid, position, bad);
            sent = readable(body);
        } else if (template.body() != null) {
            String csv = fill(template.body(), prepared);
            body = csvBody(csv, position, bad);
            sent = csvCells(csv, position, bad);
        }
        return new Rendered(new RawHttp.Request(user, method, target, headers, body), sent);
    }

    private static String fill(String text, Prepared prepared) {
        String filled = text;
        for (Map.Entry<String, String> placeholder : prepared.placeholders().entrySet()) {
            filled = filled.replace(placeholder.getKey(), placeholder.getValue());
        }
        return filled;
    }

    private static String bentPath(String path, Bad bad) {
        int last = path.lastIndexOf('/');
        String raw = new String(bad.raw(), StandardCharsets.ISO_8859_1);
        return switch (raw) {
            case "%DOUBLE%" -> path.replaceFirst("/", "//");
            case "%ENCODED%" -> last > 0 ? path.substring(0, last) + "%2F" + path.substring(last + 1)
                    : "/%2F" + path.substring(1);
            case "%DOT%" -> path.substring(0, last) + "/." + path.substring(last);
            case "%DOTDOT%" -> path.substring(0, last) + "/x/.." + path.substring(last);
            case "%UPPER%" -> path.toUpperCase(Locale.ROOT);
            case "%ABSOLUTE%" -> "http://localhost" + path;
            default -> raw.replace("%PATH%", path);
        };
    }

    private static byte[] jsonBody(ObjectNode valid, Position position, Bad bad) {
        String validText = valid.toString();
        if (position instanceof BadInputs.Body) {
            String raw = bad.text();
            if (raw.equals("%UTF16%")) {
                return validText.getBytes(StandardCharsets.UTF_16);
            }
            return raw.replace("%BODY%", validText).replace("%INNER%", validText.substring(1))
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (!(position instanceof BadInputs.BodyField field)) {
            return validText.getBytes(StandardCharsets.UTF_8);
        }
        String path = field.path();
        int dot = path.lastIndexOf('.');
        String key = dot < 0 ? path : path.substring(dot + 1);
        JsonNode parent = dot < 0 ? valid : BadInputs.at(valid, path.substring(0, dot));
        if (key.endsWith("]")) {
            ArrayNode array = (ArrayNode) parent.get(key.substring(0, key.indexOf('[')));
            array.set(0, TextNode.valueOf(MARK));
        } else if (bad.op() == Op.REMOVE) {
            ((ObjectNode) parent).remove(key);
            return valid.toString().getBytes(StandardCharsets.UTF_8);
        } else {
            JsonNode original = parent.get(key);
            ((ObjectNode) parent).put(key, MARK);
            if (bad.op() == Op.DUPLICATE) {
                return valid.toString().replace("\"" + MARK + "\"", original + ",\"" + key + "\":" + original)
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        String[] halves = valid.toString().split(java.util.regex.Pattern.quote("\"" + MARK + "\""), 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad.raw());
        out.writeBytes(halves[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The body as a strict reader of UTF-8 JSON reads it; null when it has no reading. */
    private static JsonNode readable(byte[] body) {
        try {
            boolean utf16 = body.length > 1 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff;
            String text = (utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8).newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
            JsonNode node = JSON.readTree(text.startsWith("\ufeff") ? text.substring(1) : text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] csvBody(String csv, Position position, Bad bad) {
        List<String> lines = csv.lines().toList();
        if (position instanceof BadInputs.Body) {
            String raw = bad.text();
            return raw.replace("%HEADER%", lines.get(0)).replace("%BODY%", csv)
                    .replace("%CRLF%", String.join("\r\n", lines) + "\r\n")
                    .replace("%TRIMMED%", csv.strip()).getBytes(StandardCharsets.UTF_8);
        }
        if (!(position instanceof BadInputs.CsvCell cell)) {
            return csv.getBytes(StandardCharsets.UTF_8);
        }
        String[] cells = lines.get(1).split(",", -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(i == cell.column() ? bad.raw() : cells[i].getBytes(StandardCharsets.UTF_8));
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** The data line's cells by column name, as the importer should read them. */
    private static JsonNode csvCells(String csv, Position position, Bad bad) {
        if (position instanceof BadInputs.Body && !bad.text().contains("%BODY%") && !bad.text().contains("%CRLF%")
                && !bad.text().contains("%TRIMMED%")) {
            return null; // no data line: nothing to read back
        }
        List<String> lines = csv.lines().toList();
        String[] header = lines.get(0).split(",");
        String[] cells = lines.get(1).split(",", -1);
        ObjectNode sent = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < header.length; i++) {
            sent.put(header[i], cells[i]);
        }
        if (position instanceof BadInputs.CsvCell cell) {
            String text = bad.text();
            if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
                text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
            }
            sent.put(cell.name(), text);
        }
        sent.remove("resubmittedOn");
        return sent;
    }

    // ---- the survey ---------------------------------------------------------------------------

    /** A distinct failure: the first request that showed it, and the endpoints where it was seen. */
    static final class Finding {

        final String problem;
        final Attempt attempt;
        final RawHttp.Request request;
        final RawHttp.Response response;
        final Set<String> endpoints = ConcurrentHashMap.newKeySet();

        Finding(String problem, Attempt attempt, RawHttp.Request request, RawHttp.Response response) {
            this.problem = problem;
            this.attempt = attempt;
            this.request = request;
            this.response = response;
        }

        Finding seen(String endpoint) {
            endpoints.add(endpoint);
            return this;
        }
    }

    /** The kind of failure, the kind of place and the value: endpoints and exact texts do not count. */
    private static String signature(Attempt attempt, String problem) {
        String symptom = problem.replaceAll("sent .*", "unfaithfully").replaceAll("\\(.*?\\)", "")
                .replaceAll("[a-zA-Z0-9.\\[\\]]+ was stored", "a field was stored").replaceAll("\\d+ ", "N ");
        Position position = attempt.position();
        String place = position instanceof BadInputs.BodyField field ? "body " + field.kind()
                : position instanceof BadInputs.CsvCell cell ? "CSV " + cell.kind()
                : position instanceof BadInputs.Query query ? "query " + query.kind()
                : position.toString();
        return symptom + " | " + place + " | " + attempt.value().label();
    }

    private static String report() {
        Map<String, Finding> sorted = new TreeMap<>(FINDINGS);
        StringBuilder report = new StringBuilder(sorted.size() + " distinct failures:\n");
        sorted.forEach((signature, finding) -> report.append("- ").append(signature).append("\n    ")
                .append(finding.problem).append("\n    seen on: ").append(finding.endpoints.stream().sorted().toList())
                .append("\n    ").append(finding.request.curl()).append("\n    → ").append(finding.response.summary()
                        .replace("\n", " ")).append("\n"));
        return report.toString();
    }

    // ---- beside the battery -------------------------------------------------------------------

    @Example
    void every_endpoint_has_a_valid_request_in_the_battery() {
        List<Template> templates = Endpoints.all();
        List<String> uncovered = new ArrayList<>();
        for (var handler : mappings.getHandlerMethods().entrySet()) {
            if (handler.getValue().getBeanType().isAnnotationPresent(PageController.class)) {
                continue; // a web page, not the JSON API: the browser tests' (pages/)
            }
            RequestMappingInfo mapping = handler.getKey();
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (String pattern : mapping.getPatternValues()) {
                if (Endpoints.BINARY_UPLOADS.contains(pattern)) {
                    continue;
                }
                boolean covered = templates.stream().anyMatch(t -> t.pattern().equals(pattern)
                        && (methods.isEmpty() || methods.contains(RequestMethod.valueOf(t.method()))));
                if (!covered) {
                    uncovered.add(methods + " " + pattern);
                }
            }
        }
        assertThat(uncovered).as("endpoints without a valid request in Endpoints.all()").isEmpty();
        List<String> unknown = templates.stream().filter(t -> mappings.getHandlerMethods().keySet().stream()
                .noneMatch(m -> m.getPatternValues().contains(t.pattern()))).map(Template::name).toList();
        assertThat(unknown).as("requests in Endpoints.all() for no endpoint").isEmpty();
    }

    @Example
    void each_valid_request_alone_succeeds() {
        List<String> failed = new ArrayList<>();
        for (Template template : Endpoints.all()) {
            Attempt asIs = new Attempt(template, new BadInputs.AsIs(), BadInputs.values("as is").get(0));
            Outcome outcome = attempt(asIs);
            int status = outcome.response().status();
            boolean ok = switch (template.pattern()) {
                case "/error" -> status >= 0 && status < 500;
                case "/swagger-ui.html" -> status == 302; // see redirectsAsItShould
                default -> status >= 200 && status < 300;
            };
            if (!ok || !outcome.problems().isEmpty()) {
                failed.add(template + ": " + outcome.response().summary() + " " + outcome.problems() + "\n  "
                        + outcome.request().curl());
            }
        }
        assertThat(failed).isEmpty();
    }

    @Example
    void head_is_authorized_exactly_as_get_on_every_route() {
        List<String> differ = new ArrayList<>();
        for (Template template : Endpoints.all()) {
            if (!template.method().equals("GET")) {
                continue;
            }
            Prepared prepared = prepare(template);
            for (String user : new String[] {"officer", "chair", "inspector", "admin", null}) {
                Template as = new Template(template.name(), "GET", template.pattern(), user, template.fixture(),
                        template.query(), template.headers(), template.contentType(), template.body(),
                        template.required(), template.readback());
                RawHttp.Request get = render(new Attempt(as, new BadInputs.AsIs(), Bad.either("as is", "")),
                        prepared).request();
                RawHttp.Request head = new RawHttp.Request(get.user(), "HEAD", get.target(), get.headers(), null);
                int getStatus = RawHttp.send(port, get, TIMEOUT).status();
                RawHttp.Response headResponse = RawHttp.send(port, head, TIMEOUT);
                if (headResponse.status() != getStatus) {
                    differ.add((user == null ? "anonymous" : user) + " " + template + ": GET " + getStatus + ", HEAD "
                            + headResponse.status() + "\n  " + head.curl());
                }
            }
        }
        assertThat(differ).as("HEAD answered otherwise than GET").isEmpty();
    }

    @Example
    void a_stale_if_match_on_a_step_that_also_breaks_a_rule_is_412() {
        List<String> wrong = new ArrayList<>();
        for (Template template : Endpoints.all()) {
            if (!template.headers().containsKey("If-Match")) {
                continue;
            }
            // Withdrawn (version 1 after the petition was received): every step now breaks PETITION_CLOSED.
            String id = receive();
            assertThat(Api.officer(port).post("/api/petitions/" + id + "/withdrawal",
                    Map.of("withdrawnOn", "2024-03-05")).status()).isEqualTo(200);
            Map<String, String> placeholders = new LinkedHashMap<>(prepare(template).placeholders());
            placeholders.put("${version}", "0");
            Prepared prepared = new Prepared(Map.of("id", id), 0, placeholders);
            RawHttp.Request request = render(new Attempt(template, new BadInputs.AsIs(), Bad.either("as is", "")),
                    prepared).request();
            RawHttp.Response response = RawHttp.send(port, request, TIMEOUT);
            if (response.status() != 412) {
                wrong.add(template + ": " + response.summary() + "\n  " + request.curl());
            }
        }
        assertThat(wrong).as("a stale If-Match must win over a broken rule").isEmpty();
    }

    @Example
    void a_visit_that_receives_a_petition_in_a_session_dated_before_2000_is_not_a_5xx() {
        // Reference numbers exist from 2000: a session may be dated earlier, its petitions may not.
        Api.Response opened = Api.officer(port).post("/api/sessions", Map.of("heldOn", "1999-12-30",
                "kind", "AD_HOC", "host", "Chủ tịch UBND xã", "hostedInPerson", true));
        if (opened.status() >= 400) {
            assertThat(opened.header("Content-Type")).startsWith("application/problem+json");
            return;
        }
        Snapshot before = snapshot();
        Api.Response visit = Api.officer(port).post("/api/sessions/" + opened.text("id") + "/visits", Map.of(
                "people", 1, "group", false, "repeat", false, "kind", "COMPLAINT", "summary", "Khiếu nại",
                "outcome", "PETITION_RECEIVED", "petition", Map.of("kind", "COMPLAINT", "field", "Đất đai",
                        "summary", "Khiếu nại", "petitioners", List.of(Map.of("fullName", "Phạm Thị Hoa",
                                "address", "Khu 5")))));
        assertThat(visit.status()).as(visit.toString()).isBetween(200, 499);
        if (visit.status() >= 400) {
            assertThat(visit.header("Content-Type")).startsWith("application/problem+json");
            assertThat(snapshot()).isEqualTo(before);
        }
    }
}
