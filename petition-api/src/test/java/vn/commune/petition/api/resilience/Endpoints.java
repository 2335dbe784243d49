package vn.commune.petition.api.resilience;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A valid request for every endpoint of the service, with the bodies of the README's API table.
 * The battery puts one bad value at a time into a copy of one of these. Placeholders in braces are
 * filled for each try: {@code ${version}} the petition's version, {@code ${key}} a fresh
 * Idempotency-Key, {@code ${session}} an open session, {@code ${code}} a fresh dossier code,
 * {@code ${now}} the current instant.
 */
final class Endpoints {

    private Endpoints() {
    }

    /**
     * Uploads of a file as it is (a scan: PDF, JPEG or PNG), whose body has no fields for a bad value to
     * go in: ScansTest sends them files of other kinds, too large, for documents not listed, by roles
     * that may not, and checks that nothing is written.
     */
    /** The routes anyone may call, signed in or not (sent here signed in, as anyone may). */
    static final Set<String> PUBLIC = Set.of("/api/public/figures", "/api/public/lookup");

    static final Set<String> BINARY_UPLOADS = Set.of("/api/petitions/{id}/handed-over/{document}/scan");

    /** What a try needs before its request: the path variables come from it. */
    enum Fixture {
        /** Nothing. */
        NONE,
        /** A petition of its own, just received (version 0). */
        RECEIVED,
        /** A petition of its own, accepted (version 1). */
        ACCEPTED,
        /** A petition shared by the reads. */
        PETITION,
        /** An open reception session shared by the visits and the reads. */
        SESSION,
        /** A reception session of its own, open. */
        NEW_SESSION,
        /** A seal. */
        SEAL,
        /** A projection rebuilt and verified once already. */
        PROJECTION,
        /** The counts' dead-letter queue. */
        DEAD_LETTER_GROUP,
        /** A petition of its own with one document handed over and its scan ({@code {document}} is 1). */
        SCANNED,
        /** A petition of its own, its reference and lookup code as {@code ${reference}} and {@code ${lookupCode}}. */
        LOOKUP,
        /** A complaint of its own accepted on 8 July 2026, under Luật 136/2025/QH15 (version 1). */
        COMPLAINT_ACCEPTED,
        /** The same complaint, its resolution suspended on 20 July 2026 (version 2). */
        COMPLAINT_SUSPENDED
    }

    /** Where what a write stored is read back from. */
    enum Readback {
        /** Nothing to read back. */
        NONE,
        /** The Location of the response (a petition or a session). */
        LOCATION,
        /** The data of the petition's last event, from its history. */
        LAST_EVENT,
        /** The visit in its session's register, with the petition it produced under {@code petition}. */
        VISIT,
        /** The dossier's row. */
        DOSSIER
    }

    /** One valid request: what it is sent as, who sends it, and how to read back what it stored. */
    record Template(String name, String method, String pattern, String user, Fixture fixture,
                    Map<String, String> query, Map<String, String> headers, String contentType, String body,
                    Set<String> required, Readback readback) {

        boolean writes() {
            return method.equals("POST");
        }

        boolean json() {
            return body != null && contentType.startsWith("application/json");
        }

        Template query(String... pairs) {
            Map<String, String> query = new LinkedHashMap<>(this.query);
            for (int i = 0; i < pairs.length; i += 2) {
                query.put(pairs[i], pairs[i + 1]);
            }
            return new Template(name, method, pattern, user, fixture, query, headers, contentType, body, required,
                    readback);
        }

        Template header(String name, String value) {
            Map<String, String> headers = new LinkedHashMap<>(this.headers);
            headers.put(name, value);
            return new Template(this.name, method, pattern, user, fixture, query, headers, contentType, body,
                    required, readback);
        }

        Template body(String contentType, String body, Readback readback, String... required) {
            return new Template(name, method, pattern, user, fixture, query, headers, contentType, body,
                    new LinkedHashSet<>(List.of(required)), readback);
        }

        Template named(String name) {
            return new Template(name, method, pattern, user, fixture, query, headers, contentType, body, required,
                    readback);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Template get(String pattern, String user, Fixture fixture) {
        return new Template("GET " + pattern, "GET", pattern, user, fixture, Map.of(), Map.of(), null, null, Set.of(),
                Readback.NONE);
    }

    private static Template post(String pattern, String user, Fixture fixture) {
        return new Template("POST " + pattern, "POST", pattern, user, fixture, Map.of(),
                Map.of("Idempotency-Key", "${key}"), null, null, Set.of(), Readback.NONE);
    }

    private static Template step(String step, String user, Fixture fixture, String body, String... required) {
        return post("/api/petitions/{id}/" + step, user, fixture).header("If-Match", "\"${version}\"")
                .body("application/json", body, Readback.LAST_EVENT, required);
    }

    private static final String JSON = "application/json";

    private static final String PETITIONER = """
            {"fullName":"Nguyễn Văn An","address":"Khu 3, thị trấn","idNumber":"001203004005","phone":"0912 345 678"}""";

    /** Every endpoint, some twice (a visit that produced a petition, and a refused one). */
    static List<Template> all() {
        return List.of(
                post("/api/petitions", "officer", Fixture.NONE).body(JSON, """
                        {"receivedOn":"2024-03-04","channel":"POST","kind":"RECOMMENDATION","field":"Đất đai",
                         "summary":"Đề nghị giải quyết tranh chấp ranh giới đất","petitioners":[%s],
                         "ward":"Khu 3","sessionId":"${session}"}""".formatted(PETITIONER), Readback.LOCATION,
                        "field", "summary", "petitioners[0].fullName", "petitioners[0].address"),
                step("acceptance", "chair", Fixture.RECEIVED,
                        "{\"acceptedOn\":\"2024-03-05\",\"complex\":false,\"especiallyComplex\":false}"),
                step("forwarding", "chair", Fixture.RECEIVED,
                        "{\"forwardedOn\":\"2024-03-05\",\"to\":\"Công an huyện\",\"reason\":\"Không thuộc thẩm quyền\"}",
                        "to"),
                step("guidance", "chair", Fixture.RECEIVED,
                        "{\"guidedOn\":\"2024-03-05\",\"to\":\"Tòa án nhân dân huyện\"}", "to"),
                step("rejection", "chair", Fixture.RECEIVED,
                        "{\"rejectedOn\":\"2024-03-05\",\"legalGround\":\"Điều 11 Luật Khiếu nại\"}", "legalGround"),
                step("archival", "chair", Fixture.RECEIVED,
                        "{\"archivedOn\":\"2024-03-05\",\"reason\":\"Đơn trùng lặp\"}", "reason"),
                step("mediations", "officer", Fixture.ACCEPTED,
                        "{\"heldOn\":\"2024-03-06\",\"outcome\":\"SUCCEEDED\",\"minutesRef\":\"BB-12/2024\","
                                + "\"notes\":\"Hai bên thống nhất\"}"),
                step("dialogues", "officer", Fixture.ACCEPTED,
                        "{\"heldOn\":\"2024-03-06\",\"minutesRef\":\"BB-13/2024\"}"),
                step("advisory-council", "officer", Fixture.ACCEPTED,
                        "{\"heldOn\":\"2024-03-06\",\"minutesRef\":\"BB-14/2024\"}"),
                step("extensions", "chair", Fixture.ACCEPTED,
                        "{\"extendedOn\":\"2024-03-06\",\"days\":10,\"reason\":\"Vụ việc phức tạp\"}", "reason"),
                step("written-answer", "chair", Fixture.ACCEPTED,
                        "{\"answeredOn\":\"2024-03-07\",\"documentNumber\":\"15/UBND\",\"summary\":\"Trả lời công dân\"}",
                        "documentNumber", "summary"),
                step("escalation", "chair", Fixture.ACCEPTED,
                        "{\"escalatedOn\":\"2024-03-07\",\"level\":\"DISTRICT\",\"to\":\"UBND huyện\","
                                + "\"reason\":\"Hòa giải không thành\"}",
                        "to", "reason"),
                step("suspension", "chair", Fixture.COMPLAINT_ACCEPTED,
                        "{\"suspendedOn\":\"2026-07-20\",\"reason\":\"Chờ kết quả giám định\"}", "reason"),
                step("resumption", "chair", Fixture.COMPLAINT_SUSPENDED, "{\"resumedOn\":\"2026-07-30\"}"),
                step("termination", "chair", Fixture.COMPLAINT_ACCEPTED,
                        "{\"terminatedOn\":\"2026-07-20\",\"legalGround\":\"Điều 11a Luật Khiếu nại\"}", "legalGround"),
                step("partial-withdrawal", "officer", Fixture.COMPLAINT_ACCEPTED,
                        "{\"withdrawnOn\":\"2026-07-20\",\"content\":\"Yêu cầu bồi thường\","
                                + "\"reason\":\"Đã được hỗ trợ\"}", "content", "reason"),
                step("withdrawal", "officer", Fixture.RECEIVED,
                        "{\"withdrawnOn\":\"2024-03-05\",\"reason\":\"Công dân rút đơn\"}"),
                get("/api/petitions/{id}", "inspector", Fixture.PETITION).query("asOf", "2024-03-10", "knownAt", "${now}"),
                get("/api/petitions", "inspector", Fixture.NONE).query("status", "RECEIVED", "kind", "RECOMMENDATION",
                        "from", "2024-01-01", "to", "2024-12-31", "page", "0", "size", "20"),
                get("/api/petitions/overdue", "inspector", Fixture.NONE).query("asOf", "2024-03-10", "page", "0", "size", "50"),
                get("/api/petitions/{id}/history", "inspector", Fixture.PETITION),
                get("/api/petitions/{id}/verification", "inspector", Fixture.PETITION),
                get("/api/counts", "inspector", Fixture.NONE).query("from", "2024-01-01", "to", "2024-12-31",
                        "knownAt", "${now}"),
                get("/api/reports", "inspector", Fixture.NONE).query("from", "2024-01-01", "to", "2024-06-30",
                        "format", "json", "lang", "vi"),
                get("/api/reports", "inspector", Fixture.NONE).query("year", "2024", "half", "1", "format", "csv")
                        .named("GET /api/reports by half year"),
                get("/api/reports", "inspector", Fixture.NONE).query("year", "2024", "quarter", "1", "lang", "en")
                        .header("Accept", "text/html").named("GET /api/reports by quarter"),
                get("/api/reports", "inspector", Fixture.NONE).query("year", "2024", "months", "9")
                        .named("GET /api/reports by months"),
                get("/api/audit/verification", "inspector", Fixture.NONE).query("upTo", "5"),
                post("/api/audit/seals", "inspector", Fixture.NONE),
                get("/api/audit/seals", "inspector", Fixture.NONE),
                get("/api/audit/seals/{id}", "inspector", Fixture.SEAL).header("Accept", "text/plain"),
                get("/api/audit/export", "inspector", Fixture.NONE).query("from", "2024-03-01", "to", "2024-03-31"),
                post("/api/sessions", "officer", Fixture.NONE).body(JSON,
                        "{\"heldOn\":\"2024-03-07\",\"kind\":\"PERIODIC\",\"host\":\"Chủ tịch UBND xã\","
                                + "\"hostedInPerson\":true}", Readback.LOCATION, "host"),
                post("/api/sessions/{id}/visits", "officer", Fixture.SESSION).body(JSON, """
                        {"people":6,"group":true,"representatives":2,"repeat":false,"kind":"COMPLAINT",
                         "summary":"Khiếu nại việc thu hồi đất","outcome":"PETITION_RECEIVED",
                         "petition":{"kind":"COMPLAINT","field":"Đất đai","summary":"Khiếu nại quyết định thu hồi đất",
                         "petitioners":[%s],"ward":"Khu 5"}}""".formatted(PETITIONER), Readback.VISIT,
                        "summary", "petition.field", "petition.summary", "petition.petitioners[0].fullName",
                        "petition.petitioners[0].address"),
                post("/api/sessions/{id}/visits", "officer", Fixture.SESSION).body(JSON, """
                        {"people":1,"group":false,"repeat":true,"kind":"FEEDBACK","summary":"Phản ánh tiếng ồn",
                         "outcome":"REFUSED","legalGround":"THREATENING_OR_DISORDERLY",
                         "visitor":{"fullName":"Trần Thị Khách","address":"Thôn Nam","idNumber":"001090006666"}}""",
                        Readback.VISIT, "summary", "visitor.fullName", "visitor.address")
                        .named("POST /api/sessions/{id}/visits refused"),
                post("/api/sessions/{id}/closing", "officer", Fixture.NEW_SESSION),
                get("/api/sessions/schedule", "inspector", Fixture.NONE).query("from", "2024-01-01", "to", "2024-03-31"),
                get("/api/sessions/{id}", "inspector", Fixture.SESSION),
                get("/api/sessions", "inspector", Fixture.NONE).query("from", "2024-01-01", "to", "2024-12-31"),
                post("/api/dossiers/import", "officer", Fixture.NONE).body("text/csv", """
                        code,field,channel,receivedOn,dueOn,returnedOn,resubmittedOn,resolvedOn
                        ${code},Chứng thực,ONLINE,2024-01-11,2024-01-16,2024-01-12,2024-01-13,2024-01-14
                        """, Readback.DOSSIER, "code", "field"),
                get("/api/admin/projections", "admin", Fixture.NONE),
                post("/api/admin/projections/{name}/rebuild", "admin", Fixture.PROJECTION).query("method", "handlers"),
                get("/api/admin/projections/{name}/rebuild", "admin", Fixture.PROJECTION),
                post("/api/admin/projections/{name}/verification", "inspector", Fixture.PROJECTION),
                get("/api/admin/projections/{name}/verification", "inspector", Fixture.PROJECTION),
                get("/api/admin/dead-letters", "admin", Fixture.NONE),
                get("/api/admin/backup", "admin", Fixture.NONE),
                post("/api/admin/dead-letters/{group}/retry", "admin", Fixture.DEAD_LETTER_GROUP),
                post("/api/petitions/{id}/lookup-code", "officer", Fixture.RECEIVED),
                get("/api/petitions/{id}/handed-over", "inspector", Fixture.SCANNED),
                get("/api/petitions/{id}/handed-over/{document}/scan", "inspector", Fixture.SCANNED),
                // The public lookup changes nothing and takes no Idempotency-Key: whoever asks, signed in or not.
                new Template("POST /api/public/lookup", "POST", "/api/public/lookup", "officer", Fixture.LOOKUP,
                        Map.of(), Map.of(), null, null, Set.of(), Readback.NONE).body(JSON,
                        "{\"reference\":\"${reference}\",\"code\":\"${lookupCode}\"}", Readback.NONE,
                        "reference", "code"),
                get("/api/public/figures", "inspector", Fixture.NONE).query("from", "2024-01-01", "to", "2024-06-30"),
                get("/api/petitions/{id}/documents", "inspector", Fixture.SCANNED),
                get("/api/petitions/{id}/documents/{name}", "inspector", Fixture.SCANNED)
                        .query("format", "html", "lang", "vi"),
                // The API's description (springdoc): for any signed-in user
                get("/v3/api-docs", "officer", Fixture.NONE),
                get("/v3/api-docs.yaml", "officer", Fixture.NONE),
                get("/v3/api-docs/swagger-config", "officer", Fixture.NONE),
                get("/swagger-ui.html", "officer", Fixture.NONE),
                // Spring Boot's error page: no valid request exists, so any answer but a 5xx will do.
                get("/error", "inspector", Fixture.NONE));
    }
}
