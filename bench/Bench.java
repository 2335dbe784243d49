import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * The petition service's benchmarks, each measured side by side with its limit in the same run:
 * the write path against pgbench, projection lag, replay against a raw COPY, history reads.
 * Run by bench/run.sh, which starts the service; prints a Markdown report on standard output.
 */
public class Bench {

    static String base;
    static int pgPort;
    static int seconds;
    static long targetEvents;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final StringBuilder REPORT = new StringBuilder();
    static final List<String> IDS = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        base = args[0];
        pgPort = Integer.parseInt(args[1]);
        seconds = Integer.parseInt(args[2]);
        targetEvents = Long.parseLong(args[3]);
        writePath();
        lag();
        seedEvents();
        history();
        replay();
        System.out.print(REPORT);
    }

    // ---- write path ---------------------------------------------------------------------------

    static void writePath() throws Exception {
        line("## Write path: petitions received per second through HTTP, against pgbench");
        line("");
        line("Each client loops POST /api/petitions (HTTP Basic, as users run it) for " + seconds + " s after a 3 s"
                + " warm-up; pgbench runs one single-row INSERT of an event-sized row per transaction"
                + " (`-M prepared`, fsync on) against the same PostgreSQL for the same time.");
        line("");
        line("| clients | service req/s | p50 ms | p99 ms | pgbench tps | ratio |");
        line("|---:|---:|---:|---:|---:|---:|");
        setUpPgbench();
        for (int clients : new int[] {1, 8, 32}) {
            Load load = load(clients, seconds, null);
            double tps = pgbench(clients, seconds);
            line(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.1f | %.0f | %.0f%% |", clients, load.rate,
                    load.p50, load.p99, tps, 100 * load.rate / tps));
        }
        line("");
    }

    record Load(double rate, double p50, double p99, long count) {
    }

    static Load load(int clients, int duration, Runnable during) throws Exception {
        AtomicBoolean warm = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = post("/api/petitions", petition(), "officer");
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("receive failed: " + response.statusCode() + " " + response.body());
                    }
                    if (warm.get()) {
                        latencies.add(took);
                        if (ThreadLocalRandom.current().nextInt(20) == 0) {
                            IDS.add(id(response.body()));
                        }
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(3_000);
        warm.set(true);
        long start = System.nanoTime();
        if (during != null) {
            during.run();
        } else {
            Thread.sleep(duration * 1000L);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Load(sorted.size() / elapsed, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
                sorted.size());
    }

    static void setUpPgbench() throws Exception {
        try (Connection db = db(); Statement sql = db.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_event");
            sql.execute("CREATE TABLE bench_event (id BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL"
                    + " UNIQUE, aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,"
                    + " payload BYTEA NOT NULL, meta_data BYTEA, time_stamp VARCHAR(255) NOT NULL)");
        }
        Files.writeString(Path.of("target/bench-insert.sql"), "INSERT INTO bench_event (event_identifier,"
                + " aggregate_identifier, sequence_number, payload, meta_data, time_stamp) VALUES"
                + " (md5(random()::text || clock_timestamp()::text), md5(random()::text), 0,"
                + " convert_to(repeat('x', 420), 'UTF8'), convert_to(repeat('m', 150), 'UTF8'), now()::text);\n");
    }

    static double pgbench(int clients, int duration) throws Exception {
        Process process = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-p", Integer.toString(pgPort), "-U",
                "postgres", "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j",
                Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(duration), "-f",
                "target/bench-insert.sql", "postgres").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        return Double.parseDouble(tps.group(1));
    }

    // ---- projection lag -------------------------------------------------------------------------

    static void lag() throws Exception {
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        load(8, seconds, () -> {
            for (int probe = 0; probe < 40; probe++) {
                String field = "lag-probe-" + probe + "-" + System.nanoTime();
                String body = "{\"receivedOn\":\"2001-01-01\",\"channel\":\"POST\",\"kind\":\"FEEDBACK\",\"field\":\""
                        + field + "\",\"summary\":\"x\",\"petitioners\":[]}";
                HttpResponse<String> response = post("/api/petitions", body, "officer");
                long answered = System.nanoTime();
                if (response.statusCode() != 201) {
                    throw new IllegalStateException(response.body());
                }
                while (!get("/api/counts?from=2001-01-01&to=2001-01-01", "inspector").body().contains(field)) {
                    sleep(2);
                }
                lags.add(System.nanoTime() - answered);
                sleep(200);
            }
        });
        List<Long> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        line("## Live counts: from a step's HTTP 201 to the counts showing it, under the 8-client load");
        line("");
        line(String.format(Locale.ROOT, "%d probes: p50 %.0f ms, p99 %.0f ms (target: p99 under 200 ms; the counts"
                + " are polled every 2 ms, each poll a full counts query).", sorted.size(),
                percentile(sorted, 0.5) / 1e6, percentile(sorted, 0.99) / 1e6));
        line("");
    }

    // ---- seeding, replay, history ---------------------------------------------------------------

    /** Tops the event store up to the target with realistic petitions written straight to the event table. */
    static void seedEvents() throws Exception {
        try (Connection db = db(); Statement sql = db.createStatement()) {
            ResultSet count = sql.executeQuery("SELECT count(*) FROM domainevententry");
            count.next();
            long have = count.getLong(1);
            long petitions = Math.max(0, (targetEvents - have) / 4);
            long start = System.nanoTime();
            sql.execute("""
                    CREATE TEMP TABLE seed AS
                    SELECT gen_random_uuid()::text AS id, n,
                           (DATE '2020-01-01' + (n %% 1800)::int) AS received,
                           (ARRAY['COMPLAINT','DENUNCIATION','RECOMMENDATION','RECOMMENDATION','FEEDBACK'])[1 + n %% 5] AS kind,
                           (ARRAY['Đất đai','Môi trường','Xây dựng','Chính sách','Giao thông'])[1 + (n / 5) %% 5] AS field,
                           (n %% 10 < 8) AS succeeded
                    FROM generate_series(1, %d) AS n""".formatted(petitions));
            String insert = """
                    INSERT INTO domainevententry (event_identifier, meta_data, payload, payload_type, time_stamp,
                        aggregate_identifier, sequence_number, type)
                    SELECT gen_random_uuid()::text, convert_to('{"recordedBy":"bench"}', 'UTF8'),
                           convert_to(%s::text, 'UTF8'), '%s', to_char(now() AT TIME ZONE 'UTC',
                           'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), id, %d, 'Petition'
                    FROM seed ORDER BY n""";
            sql.execute(insert.formatted("""
                    jsonb_build_object('petitionId', id, 'reference', 'B-' || n, 'receivedOn', received,
                      'channel', 'POST', 'kind', kind, 'field', field, 'summary', 'Bench petition',
                      'petitioners', jsonb_build_array(jsonb_build_object('fullName', 'Công dân ' || n,
                        'address', 'Khu ' || n % 9, 'idNumber', null, 'phone', null)),
                      'ward', 'Khu ' || n % 9, 'sessionId', null, 'handlingDueOn', received + 14,
                      'deadlineRules', 'VN-2019')""", "vn.commune.petition.domain.petition.PetitionReceived", 0));
            sql.execute(insert.formatted("""
                    jsonb_build_object('petitionId', id, 'acceptedOn', received + 3, 'kind', kind,
                      'complexity', 'NORMAL', 'dueOn', received + 33, 'deadlineRules', 'VN-2019',
                      'extensionsAllowed', 0, 'maxExtensionDays', 0)""",
                    "vn.commune.petition.domain.petition.PetitionAccepted", 1));
            sql.execute(insert.formatted("""
                    jsonb_build_object('petitionId', id, 'heldOn', received + 10, 'minutesRef', 'BB', 'notes', null)""",
                    "vn.commune.petition.domain.petition.MediationSucceeded", 2).replace("FROM seed", "FROM seed WHERE succeeded"));
            sql.execute(insert.formatted("""
                    jsonb_build_object('petitionId', id, 'heldOn', received + 10, 'minutesRef', 'BB', 'notes', null)""",
                    "vn.commune.petition.domain.petition.MediationFailed", 2).replace("FROM seed", "FROM seed WHERE NOT succeeded"));
            sql.execute(insert.formatted("""
                    jsonb_build_object('petitionId', id, 'answeredOn', received + 12, 'documentNumber', n || '/UBND',
                      'summary', 'Trả lời')""", "vn.commune.petition.domain.petition.PetitionAnswered", 3)
                    .replace("FROM seed", "FROM seed WHERE succeeded"));
            sql.execute(insert.formatted("""
                    jsonb_build_object('petitionId', id, 'escalatedOn', received + 12, 'to', 'UBND huyện',
                      'reason', 'Hòa giải không thành')""", "vn.commune.petition.domain.petition.PetitionEscalated", 3)
                    .replace("FROM seed", "FROM seed WHERE NOT succeeded"));
            ResultSet total = sql.executeQuery("SELECT count(*) FROM domainevententry");
            total.next();
            line(String.format(Locale.ROOT, "Seeded %d petitions (%d events) straight into the event table in %.0f s;"
                    + " the store now holds %d events.", petitions, total.getLong(1) - have,
                    (System.nanoTime() - start) / 1e9, total.getLong(1)));
            line("");
        }
    }

    static void history() {
        List<Long> history = new ArrayList<>();
        List<Long> asOf = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String id = IDS.get(ThreadLocalRandom.current().nextInt(IDS.size()));
            long start = System.nanoTime();
            check(get("/api/petitions/" + id + "/history", "inspector"));
            history.add(System.nanoTime() - start);
            start = System.nanoTime();
            check(get("/api/petitions/" + id + "?asOf=2024-12-31", "inspector"));
            asOf.add(System.nanoTime() - start);
        }
        Collections.sort(history);
        Collections.sort(asOf);
        line("## History and as-of reads with the store full");
        line("");
        line("| query | p50 ms | p99 ms | target p99 |");
        line("|---|---:|---:|---:|");
        line(String.format(Locale.ROOT, "| GET /api/petitions/{id}/history | %.1f | %.1f | 20 ms |",
                percentile(history, 0.5) / 1e6, percentile(history, 0.99) / 1e6));
        line(String.format(Locale.ROOT, "| GET /api/petitions/{id}?asOf= | %.1f | %.1f | 20 ms |",
                percentile(asOf, 0.5) / 1e6, percentile(asOf, 0.99) / 1e6));
        line("");
    }

    static void replay() throws Exception {
        long rows;
        double copySeconds;
        try (Connection db = db()) {
            long start = System.nanoTime();
            rows = ((PGConnection) db.unwrap(PGConnection.class)).getCopyAPI()
                    .copyOut("COPY domainevententry TO STDOUT", OutputStream.nullOutputStream());
            copySeconds = (System.nanoTime() - start) / 1e9;
        }
        HttpResponse<String> started = post("/api/admin/projections/counts/rebuild", "", "admin");
        if (started.statusCode() != 202) {
            throw new IllegalStateException(started.body());
        }
        String state = "";
        String body = "";
        while (!state.equals("DONE") && !state.equals("FAILED")) {
            sleep(1_000);
            body = get("/api/admin/projections", "admin").body();
            Matcher m = Pattern.compile("\"name\":\"counts\".*?\"lastRun\":\\{.*?\"state\":\"(\\w+)\"").matcher(body);
            state = m.find() ? m.group(1) : "";
        }
        Matcher rate = Pattern.compile("\"name\":\"counts\".*?\"eventsDone\":(\\d+).*?\"eventsPerSecond\":([0-9.]+)")
                .matcher(body);
        rate.find();
        long done = Long.parseLong(rate.group(1));
        double perSecond = Double.parseDouble(rate.group(2));
        double copyRate = rows / copySeconds;
        line("## Replay: rebuilding the counts projection from the event store, against a raw read");
        line("");
        line("| what | events | events/s |");
        line("|---|---:|---:|");
        line(String.format(Locale.ROOT, "| POST /api/admin/projections/counts/rebuild (%s) | %d | %.0f |", state, done,
                perSecond));
        line(String.format(Locale.ROOT, "| COPY domainevententry TO STDOUT (to nothing) | %d | %.0f |", rows, copyRate));
        line("");
        line(String.format(Locale.ROOT, "Rebuild / raw read: 1 : %.1f (targets: at least 50,000 events/s, within 10x"
                + " of the raw read).", copyRate / perSecond));
        line("");
    }

    // ---- plumbing -------------------------------------------------------------------------------

    static String petition() {
        int n = ThreadLocalRandom.current().nextInt(1_000_000);
        return "{\"receivedOn\":\"2024-0" + (1 + n % 6) + "-1" + (n % 9) + "\",\"channel\":\"POST\",\"kind\":\""
                + (n % 3 == 0 ? "COMPLAINT" : "RECOMMENDATION") + "\",\"field\":\"Đất đai\",\"summary\":\"Đơn số "
                + n + "\",\"petitioners\":[{\"fullName\":\"Công dân " + n + "\",\"address\":\"Khu " + (n % 7)
                + "\"}],\"ward\":\"Khu " + (n % 7) + "\"}";
    }

    static HttpResponse<String> post(String path, String body, String user) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), user);
    }

    static HttpResponse<String> get(String path, String user) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user);
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String user) {
        try {
            return HTTP.send(request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + user).getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    static String id(String body) {
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
        m.find();
        return m.group(1);
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", "");
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void line(String text) {
        REPORT.append(text).append('\n');
        System.err.println(text);
    }
}
