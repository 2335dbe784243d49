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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
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

    public static void main(String[] args) throws Exception {
        base = args[0];
        pgPort = Integer.parseInt(args[1]);
        seconds = Integer.parseInt(args[2]);
        targetEvents = Long.parseLong(args[3]);
        List<String> steps = List.of((args.length > 4 ? args[4] : "write,lag,dashboards,seed,history,replay,pages").split(","));
        if (steps.contains("write")) {
            writePath();
        }
        if (steps.contains("lag")) {
            lag();
        }
        if (steps.contains("dashboards")) {
            dashboards();
        }
        if (steps.contains("seed")) {
            seedEvents();
        }
        if (steps.contains("history")) {
            history();
        }
        if (steps.contains("replay")) {
            replay();
        }
        if (steps.contains("pages")) {
            pages();
        }
        System.out.print(REPORT);
    }

    // ---- write path ---------------------------------------------------------------------------

    static void writePath() throws Exception {
        line("## Write path: petitions received per second through HTTP, against pgbench");
        line("");
        line("`wrk` keeps N connections each posting a new petition to POST /api/petitions (HTTP Basic, as users"
                + " run it) for " + seconds + " s, after a 30 s warm-up at 8 clients so that the JIT has compiled the"
                + " path; pgbench runs one single-row INSERT of an event-sized row per transaction (`-M prepared`,"
                + " fsync on) against the same PostgreSQL for the same time. CPU is the CPU time the service's JVM"
                + " and the PostgreSQL processes used during the run, per receipt.");
        line("");
        line("| clients | service req/s | p50 ms | p99 ms | service CPU ms/req | PostgreSQL CPU ms/req | pgbench tps"
                + " | ratio |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|");
        setUpPgbench();
        wrk(8, 30);
        for (int clients : new int[] {1, 8, 32}) {
            long[] before = cpuTicks();
            Load load = wrk(clients, seconds);
            long[] after = cpuTicks();
            double tps = pgbench(clients, seconds);
            line(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.1f | %.2f | %.2f | %.0f | %.1f%% |", clients,
                    load.rate, load.p50, load.p99, cpuMillis(before, after, 0, load), cpuMillis(before, after, 1, load),
                    tps, 100 * load.rate / tps));
        }
        line("");
    }

    /** Receipts by wrk with {@code clients} connections for {@code duration} seconds; every answer must be 2xx. */
    static Load wrk(int clients, int duration) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t", Integer.toString(Math.min(clients, 2)), "-c",
                Integer.toString(clients), "-d", duration + "s", "--latency", "-s", "bench/receive.lua", base)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher p50 = Pattern.compile("50%\\s+([0-9.]+)(us|ms|s)").matcher(out);
        Matcher p99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(out);
        Matcher total = Pattern.compile("(\\d+) requests in").matcher(out);
        if (!rate.find() || !p50.find() || !p99.find() || !total.find() || out.contains("Non-2xx")
                || out.contains("Socket errors")) {
            throw new IllegalStateException("wrk said: " + out);
        }
        return new Load(Double.parseDouble(rate.group(1)), millis(p50), millis(p99), Long.parseLong(total.group(1)));
    }

    static double millis(Matcher m) {
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /** CPU clock ticks used so far by the service (BENCH_APP_PID) and by every postgres process. */
    static long[] cpuTicks() throws Exception {
        String app = System.getenv("BENCH_APP_PID");
        long service = app == null ? 0 : ticks(Path.of("/proc", app, "stat"));
        long postgres = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path proc : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readString(proc.resolve("comm")).trim().equals("postgres")) {
                        postgres += ticks(proc.resolve("stat"));
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return new long[] {service, postgres};
    }

    static long ticks(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** CPU milliseconds per request; clock ticks are 1/100 s on Linux. */
    static double cpuMillis(long[] before, long[] after, int which, Load load) {
        return (after[which] - before[which]) * 10.0 / load.count;
    }

    record Load(double rate, double p50, double p99, long count) {
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
        List<Long> lags = new ArrayList<>();
        List<Long> reads = new ArrayList<>();
        Process background = new ProcessBuilder("wrk", "-t", "2", "-c", "8", "-d", "600s", "-s", "bench/receive.lua",
                base).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        double[] metricBefore;
        double[] metricAfter;
        try {
            sleep(3_000);
            metricBefore = lagMetric();
            for (int probe = 0; probe < 100; probe++) {
                String field = "lag-probe-" + probe + "-" + System.nanoTime();
                String body = "{\"receivedOn\":\"2001-01-01\",\"channel\":\"POST\",\"kind\":\"FEEDBACK\",\"field\":\""
                        + field + "\",\"summary\":\"x\",\"petitioners\":[]}";
                HttpResponse<String> response = post("/api/petitions", body, "officer");
                long answered = System.nanoTime();
                if (response.statusCode() != 201) {
                    throw new IllegalStateException(response.body());
                }
                while (true) {
                    long asked = System.nanoTime();
                    boolean shown = get("/api/counts?from=2001-01-01&to=2001-01-01", "inspector").body().contains(field);
                    reads.add(System.nanoTime() - asked);
                    if (shown) {
                        break;
                    }
                    sleep(5);
                }
                lags.add(System.nanoTime() - answered);
                sleep(100);
            }
            metricAfter = lagMetric();
        } finally {
            background.destroy();
            background.waitFor();
        }
        Collections.sort(lags);
        Collections.sort(reads);
        line("## Live counts: from a step's HTTP 201 to the counts showing it, under the 8-client load");
        line("");
        line(String.format(Locale.ROOT, "%d probes while wrk posts petitions with 8 connections: **p50 %.0f ms, p99 %.0f ms**,"
                + " max %.0f ms (target: p99 under 200 ms). Each probe receives a petition, then asks GET /api/counts"
                + " every 5 ms until the counts show it; that read itself took p50 %.0f ms, p99 %.0f ms under this load."
                + " The service's own measure, from an event's timestamp to the counts processor handling it"
                + " (`petition_projection_lag_seconds`), averaged %.0f ms over the %d events of the run.",
                lags.size(), percentile(lags, 0.5) / 1e6, percentile(lags, 0.99) / 1e6, lags.get(lags.size() - 1) / 1e6,
                percentile(reads, 0.5) / 1e6, percentile(reads, 0.99) / 1e6,
                1000 * (metricAfter[1] - metricBefore[1]) / (metricAfter[0] - metricBefore[0]),
                (long) (metricAfter[0] - metricBefore[0])));
        line("");
    }

    /** The count and sum of petition_projection_lag_seconds, from the service's Prometheus endpoint. */
    static double[] lagMetric() {
        String scrape = get("/actuator/prometheus", "admin").body();
        Matcher count = Pattern.compile("petition_projection_lag_seconds_count\\{[^}]*\\} ([0-9.eE+-]+)").matcher(scrape);
        Matcher sum = Pattern.compile("petition_projection_lag_seconds_sum\\{[^}]*\\} ([0-9.eE+-]+)").matcher(scrape);
        if (!count.find() || !sum.find()) {
            throw new IllegalStateException("no petition_projection_lag_seconds in the scrape");
        }
        return new double[] {Double.parseDouble(count.group(1)), Double.parseDouble(sum.group(1))};
    }

    // ---- pages: the register and the petition page, server time with the store full -----------

    /**
     * The register (GET /petitions) with each kind of search and filter, and the petition page, read
     * one at a time by a signed-in chair (a page session, as a person uses them), once the petition
     * view holds every seeded petition (after the replay step's rebuilds).
     */
    /** A client signed in through the sign-in form as {@code user} (a page session, as a person uses the pages). */
    static HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF field on the sign-in page");
        }
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "&_csrf="
                        + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || !signedIn.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new IllegalStateException("Sign-in failed: " + signedIn.statusCode());
        }
        return browser;
    }

    // ---- dashboards: figures pushed over server-sent events to many open pages ------------------

    /**
     * 200 dashboards open at once, each a server-sent event stream of the year 2002's figures, while wrk
     * receives petitions at 8 clients (dated today, so they change other periods' figures, and every
     * counts batch still wakes the streams). Probes receive a petition dated in 2002, one a second; each
     * time, the time from its HTTP 201 until every stream has sent the figure that counts it.
     */
    static void dashboards() throws Exception {
        final int pages = 200;
        final int probes = 30;
        HttpClient browser = signedIn("inspector");
        String stream = base + "/dashboard/stream?from=2002-01-01&to=2002-12-31";
        Pattern receivedFigure = Pattern.compile("id=\"figure-received\">(\\d+)<");
        long base2002 = Long.parseLong(get("/api/counts?from=2002-01-01&to=2002-12-31", "inspector").body()
                .replaceAll("(?s).*\"received\":(\\d+).*", "$1"));
        // For each page, when it first showed each count of 2002's petitions received.
        List<java.util.concurrent.ConcurrentHashMap<Long, Long>> seen = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> open = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            java.util.concurrent.ConcurrentHashMap<Long, Long> shown = new java.util.concurrent.ConcurrentHashMap<>();
            seen.add(shown);
            open.add(browser.sendAsync(HttpRequest.newBuilder(URI.create(stream)).GET().build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
                        @Override
                        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                            subscription.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void onNext(String line) {
                            Matcher figure = receivedFigure.matcher(line);
                            if (line.startsWith("data:") && figure.find()) {
                                shown.putIfAbsent(Long.parseLong(figure.group(1)), System.nanoTime());
                            }
                        }

                        @Override
                        public void onError(Throwable throwable) {
                        }

                        @Override
                        public void onComplete() {
                        }
                    })));
        }
        Process background = new ProcessBuilder("wrk", "-t", "2", "-c", "8", "-d", "600s", "-s", "bench/receive.lua",
                base).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        List<Long> latencies = new ArrayList<>();
        int missed = 0;
        try {
            sleep(3_000);
            for (int probe = 1; probe <= probes; probe++) {
                String body = "{\"receivedOn\":\"2002-03-01\",\"channel\":\"POST\",\"kind\":\"FEEDBACK\","
                        + "\"field\":\"dashboard-probe\",\"summary\":\"x\",\"petitioners\":[]}";
                HttpResponse<String> response = post("/api/petitions", body, "officer");
                long answered = System.nanoTime();
                if (response.statusCode() != 201) {
                    throw new IllegalStateException(response.body());
                }
                long expected = base2002 + probe;
                long deadline = answered + 5_000_000_000L;
                while (System.nanoTime() < deadline && seen.stream().anyMatch(shown -> !shown.containsKey(expected))) {
                    sleep(5);
                }
                for (java.util.concurrent.ConcurrentHashMap<Long, Long> shown : seen) {
                    Long at = shown.get(expected);
                    if (at == null) {
                        missed++;
                    } else {
                        latencies.add(Math.max(0, at - answered));
                    }
                }
                sleep(1_000);
            }
        } finally {
            background.destroy();
            background.waitFor();
            open.forEach(page -> page.cancel(true));
        }
        Collections.sort(latencies);
        line("## Dashboards: figures pushed to " + pages + " open pages, under the 8-client load");
        line("");
        line(String.format(Locale.ROOT, "%d dashboards open at once (server-sent event streams of one period's figures, as the"
                + " page opens them, signed in) while wrk receives petitions with 8 connections. %d probes, one a"
                + " second, each receive a petition in the dashboards' period; from its HTTP 201 to each page receiving"
                + " the figures that count it: **p50 %.0f ms, p99 %.0f ms**, max %.0f ms (target: p99 under 500 ms),"
                + " over %d page updates; %d not received within 5 s. The service ran with `-Xmx512m` throughout.",
                pages, probes, percentile(latencies, 0.5) / 1e6, percentile(latencies, 0.99) / 1e6,
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1e6, latencies.size(), missed));
        line("");
    }

    static void pages() throws Exception {
        HttpClient browser = signedIn("chair");
        List<String> ids = new ArrayList<>();
        List<String> references = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long petitions;
        try (Connection db = db(); Statement sql = db.createStatement()) {
            ResultSet count = sql.executeQuery("SELECT count(*) FROM petition_view");
            count.next();
            petitions = count.getLong(1);
            ResultSet rows = sql.executeQuery("SELECT id, reference, petitioners -> 0 ->> 'fullName' FROM petition_view"
                    + " WHERE jsonb_array_length(petitioners) > 0 ORDER BY random() LIMIT 500");
            while (rows.next()) {
                ids.add(rows.getString(1));
                references.add(rows.getString(2));
                names.add(rows.getString(3));
            }
        }
        String encoded = java.net.URLEncoder.encode("Đất đai", StandardCharsets.UTF_8);
        record Query(String what, java.util.function.IntFunction<String> path) {
        }
        List<Query> queries = List.of(
                new Query("register, first page, no filter", i -> "/petitions"),
                new Query("register, a petitioner's name (words of the names)",
                        i -> "/petitions?q=" + java.net.URLEncoder.encode(names.get(i % names.size()), StandardCharsets.UTF_8)),
                new Query("register, a reference", i -> "/petitions?q=" + references.get(i % references.size())),
                new Query("register, a word every summary has", i -> "/petitions?q=bench"),
                new Query("register, status and kind, by due date", i -> "/petitions?status=ESCALATED&kind=COMPLAINT&sort=DUE_SOONEST"),
                new Query("register, field, ward and a year", i -> "/petitions?field=" + encoded + "&ward=Khu+" + (i % 9)
                        + "&from=2021-01-01&to=2021-12-31"),
                new Query("register, overdue, latest deadline first", i -> "/petitions?overdue=true&sort=DUE_LATEST"),
                new Query("register, page 200", i -> "/petitions?page=200"),
                new Query("petition page", i -> "/petitions/" + ids.get(i % ids.size())),
                new Query("home, the chair's queue", i -> "/"),
                new Query("deadlines, overdue and due in 5 working days by kind", i -> "/deadlines"));
        line("## Pages: the register, the petition page and the session desk with the store full");
        line("");
        line("Each page read 300 times, one at a time, by a signed-in chair (a page session), after 100 reads of every"
                + " page to warm up, with " + petitions + " petitions in the petition view; the time from sending the request"
                + " to the last byte of the HTML, on the same machine. The register lists 25 petitions a page and"
                + " counts the matches up to 1,000. The visit is logged as the desk's form sends it (htmx, a fresh"
                + " idempotency key each time), into one session that grows to 400 visits (the first 100 to warm up).");
        line("");
        line("| page | p50 ms | p99 ms | target p99 | service CPU ms/page | PostgreSQL CPU ms/page |");
        line("|---|---:|---:|---:|---:|---:|");
        long postmaster = postmasterPid();
        // Every page is warmed up before any is timed: they share the templates, the security filters and
        // the queries' code, which the JIT would otherwise be compiling while the first page is timed.
        for (Query query : queries) {
            for (int i = 0; i < 100; i++) {
                browser.send(HttpRequest.newBuilder(URI.create(base + query.path().apply(i))).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        for (Query query : queries) {
            boolean targeted = query.what().startsWith("register") || query.what().startsWith("petition");
            timed(query.what(), targeted ? "50 ms" : "", postmaster, 20, i -> HttpRequest.newBuilder(
                    URI.create(base + query.path().apply(i))).GET().build(), browser);
        }
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        HttpResponse<String> opened = post("/api/sessions", "{\"heldOn\":\"" + today + "\",\"kind\":\"PERIODIC\","
                + "\"host\":\"Chủ tịch UBND xã\",\"hostedInPerson\":true}", "officer");
        if (opened.statusCode() != 201) {
            throw new IllegalStateException("Opening a session: " + opened.statusCode() + " " + opened.body());
        }
        String session = id(opened.body());
        Matcher deskCsrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(browser.send(
                HttpRequest.newBuilder(URI.create(base + "/sessions/" + session)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        if (!deskCsrf.find()) {
            throw new IllegalStateException("No CSRF field on the session desk");
        }
        String deskToken = deskCsrf.group(1);
        timed("session desk, a visit logged (htmx POST)", "50 ms", postmaster, 100, i -> HttpRequest.newBuilder(
                        URI.create(base + "/sessions/" + session + "/visits"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("people=1&group=false&repeat=false&kind=FEEDBACK&outcome=GUIDED"
                        // Who came: required in person from 1 July 2026 (Luật 136/2025/QH15).
                        + "&visitorFullName=" + java.net.URLEncoder.encode("Nguyễn Văn Khách", StandardCharsets.UTF_8)
                        + "&visitorAddress=" + java.net.URLEncoder.encode("Thôn Đông", StandardCharsets.UTF_8)
                        + "&visitorIdNumber=001090000001"
                        + "&summary=" + java.net.URLEncoder.encode("Hỏi thủ tục số " + i, StandardCharsets.UTF_8)
                        + "&formKey=" + java.util.UUID.randomUUID() + "&shown=" + i + "&_csrf=" + deskToken))
                .build(), browser);
        line("");
        line("The CPU columns are what each page cost the service's JVM and this PostgreSQL's processes, which stay"
                + " near their figures when the machine is busy; the times are wall-clock and grow with the load"
                + " of whatever else runs on the machine.");
        line("");
    }

    /**
     * One row of the pages' table: {@code request} sent {@code warmUp} times, then 300 times timed, one
     * at a time, each answered 200; its p50 and p99, and the CPU the service and PostgreSQL spent on it.
     */
    static void timed(String what, String target, long postmaster, int warmUp,
                      java.util.function.IntFunction<HttpRequest> request, HttpClient client) throws Exception {
        List<Long> times = new ArrayList<>();
        long[] before = null;
        for (int i = 0; i < warmUp + 300; i++) {
            if (i == warmUp) {
                before = new long[] {serviceTicks(), childTicks(postmaster)};
            }
            HttpRequest sent = request.apply(i);
            long start = System.nanoTime();
            HttpResponse<String> page = client.send(sent, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (page.statusCode() != 200) {
                throw new IllegalStateException(what + ": HTTP " + page.statusCode() + " " + page.body());
            }
            if (i >= warmUp) {
                times.add(took);
            }
        }
        long[] after = {serviceTicks(), childTicks(postmaster)};
        Collections.sort(times);
        line(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %.1f | %.1f |", what,
                percentile(times, 0.5) / 1e6, percentile(times, 0.99) / 1e6, target,
                (after[0] - before[0]) * 10.0 / times.size(), (after[1] - before[1]) * 10.0 / times.size()));
    }

    static long serviceTicks() throws IOException {
        String app = System.getenv("BENCH_APP_PID");
        return app == null ? 0 : ticks(Path.of("/proc", app, "stat"));
    }

    /** The postmaster of the service's PostgreSQL: the parent of a backend of it. */
    static long postmasterPid() throws Exception {
        try (Connection db = db(); Statement sql = db.createStatement();
             ResultSet backend = sql.executeQuery("SELECT pg_backend_pid()")) {
            backend.next();
            String stat = Files.readString(Path.of("/proc", backend.getString(1), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        }
    }

    /** CPU clock ticks used so far by a process and its children (a postmaster and its backends), not others'. */
    static long childTicks(long parent) throws IOException {
        // The parent's own ticks and those of its children that have ended (parallel workers, closed backends).
        String[] own = Files.readString(Path.of("/proc", Long.toString(parent), "stat")).replaceFirst("^.*\\) ", "")
                .split(" ");
        long total = Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13]) + Long.parseLong(own[14]);
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path proc : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    if (Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]) == parent) {
                        total += ticks(proc.resolve("stat"));
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return total;
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

    /**
     * Waits until the counts have caught up on the events seeded straight into the table: a step
     * measured while they catch up would measure their catching up too, and a verification of the
     * counts sees them as far as their processor's token.
     */
    static void awaitCounts() {
        long deadline = System.nanoTime() + 600_000_000_000L;
        Pattern position = Pattern.compile("\"name\":\"counts\".*?\"position\":(\\d+),\"head\":(\\d+)");
        while (System.nanoTime() < deadline) {
            Matcher m = position.matcher(get("/api/admin/projections", "admin").body());
            if (m.find() && m.group(1).equals(m.group(2))) {
                return;
            }
            sleep(1_000);
        }
    }

    static void history() {
        // Measured with the store full and the service quiet.
        awaitCounts();
        // Then settle the database as autovacuum would once it has been by after such a load (the
        // counts processor has just inserted a million facts): measured in its wake, the tail was
        // autovacuum's, not the reads'.
        try (Connection db = db(); Statement sql = db.createStatement()) {
            sql.execute("VACUUM ANALYZE");
            sql.execute("CHECKPOINT");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<Long> history = new ArrayList<>();
        List<Long> asOf = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (Connection db = db(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT id FROM petition_view ORDER BY random() LIMIT 1000")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        // Warm up both reads first, as the write path is, so that the JIT has compiled them on both
        // sides: cold, the first few hundred reads of each took several times longer.
        for (int i = 0; i < 500; i++) {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            check(get("/api/petitions/" + id + "/history", "inspector"));
            check(get("/api/petitions/" + id + "?asOf=2024-12-31", "inspector"));
        }
        for (int i = 0; i < 1_000; i++) {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
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
        line("1,000 reads of each, one at a time, of random petitions, after 500 of each to warm up the JIT, once the"
                + " counts have caught up with the seeded events and the database has been vacuumed and analyzed (as"
                + " autovacuum leaves it).");
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
        awaitCounts();
        long rows;
        double copySeconds;
        try (Connection db = db()) {
            long start = System.nanoTime();
            rows = ((PGConnection) db.unwrap(PGConnection.class)).getCopyAPI()
                    .copyOut("COPY domainevententry TO STDOUT", OutputStream.nullOutputStream());
            copySeconds = (System.nanoTime() - start) / 1e9;
        }
        double copyRate = rows / copySeconds;
        line("## Replay: rebuilding each projection from the event store, against a raw read");
        line("");
        line("Each rebuild writes a fresh copy of the projection's tables from every stored event, then swaps it in"
                + " (POST /api/admin/projections/{name}/rebuild). By default the counts and the petition view are"
                + " rebuilt in SQL, set-based; `?method=handlers` replays every event through the Java handlers"
                + " instead. A verification (POST /api/admin/projections/{name}/verification) replays the handlers"
                + " into a scratch copy and compares it with the rebuilt tables, row by row. The raw read is"
                + " `COPY domainevententry TO STDOUT` into nothing.");
        line("");
        line("| what | method | events | seconds | events/s | slower than the raw read by |");
        line("|---|---|---:|---:|---:|---:|");
        line(String.format(Locale.ROOT, "| COPY domainevententry TO STDOUT | | %d | %.1f | %.0f | 1 |", rows,
                copySeconds, copyRate));
        double slowest = Double.MAX_VALUE;
        for (String projection : List.of("counts", "petition-view", "session-view")) {
            double perSecond = rebuild(projection, "", copyRate);
            slowest = Math.min(slowest, perSecond);
        }
        List<String> verified = new ArrayList<>();
        for (String projection : List.of("counts", "petition-view")) {
            String body = run(projection, "verification", "", "inspector");
            Matcher status = Pattern.compile("\"status\":\"(\\w+)\"").matcher(body);
            verified.add(projection + ": " + (status.find() ? status.group(1) : body));
        }
        for (String projection : List.of("counts", "petition-view")) {
            rebuild(projection, "?method=handlers", copyRate);
        }
        line("");
        line(String.format(Locale.ROOT, "Slowest rebuild: %.0f events/s, %.1f times slower than the raw read (targets: at"
                + " least 50,000 events/s, within 10x of the raw read).", slowest, copyRate / slowest));
        line("");
        line("The set-based rebuilds verified against the handlers' replay: " + String.join(", ", verified) + ".");
        line("");
    }

    /** Rebuilds a projection, waits for it by polling its progress, writes its row and returns its rate. */
    static double rebuild(String projection, String query, double copyRate) throws Exception {
        long start = System.nanoTime();
        String body = run(projection, "rebuild", query, "admin");
        double took = (System.nanoTime() - start) / 1e9;
        Matcher m = Pattern.compile("\"method\":\"(\\w+)\".*?\"eventsDone\":(\\d+)").matcher(body);
        m.find();
        long done = Long.parseLong(m.group(2));
        double perSecond = done / took;
        line(String.format(Locale.ROOT, "| rebuild %s | %s | %d | %.1f | %.0f | %.1f |", projection,
                m.group(1).toLowerCase(Locale.ROOT), done, took, perSecond, copyRate / perSecond));
        return perSecond;
    }

    /**
     * Starts a run of a projection (its rebuild or its verification), waits for it by polling its own
     * progress, and returns that progress once done: the listing of every projection counts their rows,
     * which would take the database's time from the run being measured.
     */
    static String run(String projection, String kind, String query, String user) {
        String progress = "/api/admin/projections/" + projection + "/" + kind;
        HttpResponse<String> started = post(progress + query, "", user);
        if (started.statusCode() != 202) {
            throw new IllegalStateException(started.body());
        }
        Pattern state = Pattern.compile("\"state\":\"(\\w+)\"");
        while (true) {
            sleep(200);
            HttpResponse<String> now = get(progress, user);
            Matcher m = state.matcher(now.body());
            String reached = now.statusCode() == 200 && m.find() ? m.group(1) : "";
            if (reached.equals("DONE")) {
                return now.body();
            }
            if (reached.equals("FAILED")) {
                throw new IllegalStateException(kind + " of " + projection + " failed: " + now.body());
            }
        }
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
