package vn.commune.petition.api.dossier;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.problem.Problems;
import vn.commune.petition.api.write.WriteHeaders;
import vn.commune.petition.api.write.Writes;
import vn.commune.petition.api.write.Written;
import vn.commune.petition.domain.dossier.ReceiveDossier;
import vn.commune.petition.domain.dossier.ResolveDossier;
import vn.commune.petition.domain.dossier.ResubmitDossier;
import vn.commune.petition.domain.dossier.ReturnDossierForCompletion;

/**
 * Nhập hồ sơ một cửa: most communes keep one-stop dossiers in another system, so they come in as a
 * CSV. The whole file is checked first, as a stream; with any bad line nothing is imported and the
 * first bad lines are reported. A good file is then written in chunks of short transactions, each
 * recording how far the file has got, so that the same file sent again (after a crash, or while the
 * first request still runs) continues where it stopped and never imports a dossier twice.
 */
@RestController
class DossierImportController {

    /** The most dossiers in a chunk. */
    static final int CHUNK_DOSSIERS = 100;
    /**
     * The work a chunk aims at: its commands, then its events, hash chains and views written when its
     * unit of work commits. The chunk before tells how many dossiers that is; the commands alone
     * never go on longer.
     */
    static final Duration CHUNK_TIME = Duration.ofMillis(250);
    /** Codes looked up at once, in one array parameter. */
    private static final int LOOKUP = 1_000;

    private final Writes writes;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DossierImportController(Writes writes, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** How many dossiers the file holds, all of them now imported. */
    record Imported(int imported) {
    }

    @PostMapping(value = "/api/dossiers/import", consumes = "text/csv")
    ResponseEntity<?> importCsv(WriteHeaders write, HttpServletRequest request) throws IOException {
        LocalDate today = CommuneClock.today(clock);
        // No larger than BodySizeLimit lets through; read twice: checked, then written.
        byte[] file = request.getInputStream().readAllBytes();
        String sha = sha256(file);
        Listed problems = new Listed();
        int dossiers = check(file, sha, today, problems);
        if (problems.total > 0) {
            return invalid(problems, request);
        }
        Chunks chunks = new Chunks(DossierCsv.reading(new ByteArrayInputStream(file), today), sha, today);
        ResponseEntity<Imported> answer = writes.run(write, sha, Imported.class, () ->
                new Written<>(chunks.write() > 0 ? 201 : 200, null, null, new Imported(dossiers), false)).response();
        while (!chunks.finished) {
            transaction.executeWithoutResult(status -> chunks.write());
        }
        return answer;
    }

    /** Reads the whole file, reporting its bad lines; the number of dossiers it holds. */
    private int check(byte[] file, String sha, LocalDate today, Listed problems) throws IOException {
        DossierCsv csv = DossierCsv.checking(new ByteArrayInputStream(file), today);
        Map<String, Integer> lines = new LinkedHashMap<>();
        int dossiers = 0;
        for (DossierCsv.Line line = csv.next(problems::add); line != null; line = csv.next(problems::add)) {
            dossiers++;
            lines.put(line.code(), line.number());
            if (lines.size() == LOOKUP) {
                alreadyImported(lines, sha, problems);
                lines.clear();
            }
        }
        alreadyImported(lines, sha, problems);
        return dossiers;
    }

    /**
     * A code already in the service is a problem, unless this same file stored it: its line is at or
     * before the last line the file's import has committed (read in the same snapshot).
     */
    private void alreadyImported(Map<String, Integer> lines, String sha, Listed problems) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql("""
                SELECT d.code, COALESCE(i.last_line, 0) AS last_line
                FROM one_stop_dossier d LEFT JOIN dossier_import i ON i.file_sha256 = :sha
                WHERE d.code = ANY(:codes)""")
                .param("sha", sha)
                .param("codes", lines.keySet().toArray(String[]::new))
                .query((rs, row) -> {
                    int line = lines.get(rs.getString("code"));
                    if (line > rs.getInt("last_line")) {
                        problems.add(new DossierCsv.Problem(line, "code", "already imported"));
                    }
                    return line;
                })
                .list();
    }

    private static ResponseEntity<ProblemDetail> invalid(Listed problems, HttpServletRequest request) {
        List<DossierCsv.Problem> listed = problems.listed();
        boolean leftOff = problems.total > listed.size();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-import", "Invalid import",
                problems.total + " problem(s) in the file"
                        + (leftOff ? "; the first " + listed.size() + " are listed" : "") + "; nothing was imported");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("rejectedLines", listed);
        if (leftOff) {
            problem.setProperty("errorsLeftOff", true);
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The first {@link Problems#MAX_LISTED} problems by line, and how many there are in all. */
    private static final class Listed {

        /** A problem and the order it was found in, which orders the problems of one line. */
        private record Found(DossierCsv.Problem problem, int order) {
        }

        private static final Comparator<Found> BY_LINE = Comparator.<Found>comparingInt(found -> found.problem().line())
                .thenComparingInt(Found::order);

        private final PriorityQueue<Found> first = new PriorityQueue<>(BY_LINE.reversed());
        private int total;

        void add(DossierCsv.Problem problem) {
            first.add(new Found(problem, total++));
            if (first.size() > Problems.MAX_LISTED) {
                first.poll();
            }
        }

        List<DossierCsv.Problem> listed() {
            return first.stream().sorted(BY_LINE).map(Found::problem).toList();
        }
    }

    /**
     * The checked file, written chunk by chunk. Each chunk locks the file's row in dossier_import,
     * starts after the last line committed (by this request or another sending the same file) and
     * moves that line on in the same transaction as its dossiers.
     */
    private final class Chunks {

        private final DossierCsv csv;
        private final String sha;
        private final LocalDate today;
        private DossierCsv.Line ahead;
        private boolean started;
        private boolean finished;
        private int size = 10;

        Chunks(DossierCsv csv, String sha, LocalDate today) {
            this.csv = csv;
            this.sha = sha;
            this.today = today;
        }

        /** In the caller's transaction: the next chunk; how many dossiers it wrote. */
        int write() {
            jdbc.sql("INSERT INTO dossier_import (file_sha256) VALUES (:sha) ON CONFLICT DO NOTHING")
                    .param("sha", sha).update();
            int committed = jdbc.sql("SELECT last_line FROM dossier_import WHERE file_sha256 = :sha FOR UPDATE")
                    .param("sha", sha).query(Integer.class).single();
            if (!started) {
                started = true;
                ahead = read();
            }
            while (ahead != null && ahead.number() <= committed) {
                ahead = read();
            }
            int written = 0;
            int last = committed;
            long start = System.nanoTime();
            // One unit of work for the chunk: each dossier is loaded once, and its events are stored
            // and handled together when the chunk commits.
            UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
            try {
                while (ahead != null && written < size && System.nanoTime() - start < CHUNK_TIME.toNanos()) {
                    send(ahead);
                    last = ahead.number();
                    written++;
                    ahead = read();
                }
                unit.commit();
            } catch (RuntimeException e) {
                if (unit.isActive()) {
                    unit.rollback(e);
                }
                throw e;
            }
            long took = System.nanoTime() - start;
            if (written > 0) {
                size = (int) Math.max(1, Math.min(CHUNK_DOSSIERS, written * CHUNK_TIME.toNanos() / Math.max(took, 1)));
            }
            finished = ahead == null;
            jdbc.sql("""
                    UPDATE dossier_import SET last_line = :last, dossiers = dossiers + :written, updated_at = now(),
                        finished_at = CASE WHEN :finished THEN COALESCE(finished_at, now()) END
                    WHERE file_sha256 = :sha""")
                    .param("last", last)
                    .param("written", written)
                    .param("finished", finished)
                    .param("sha", sha)
                    .update();
            return written;
        }

        private DossierCsv.Line read() {
            try {
                return csv.next(problem -> {
                    throw new IllegalStateException("A checked file has no problem");
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void send(DossierCsv.Line line) {
            String id = UUID.nameUUIDFromBytes(("dossier:" + line.code()).getBytes(StandardCharsets.UTF_8)).toString();
            writes.send(new ReceiveDossier(id, line.code(), line.field(), line.channel(), line.receivedOn(),
                    line.dueOn(), today));
            if (line.returnedOn() != null) {
                writes.send(new ReturnDossierForCompletion(id, line.returnedOn(), today));
            }
            if (line.resubmittedOn() != null) {
                writes.send(new ResubmitDossier(id, line.resubmittedOn(), today));
            }
            if (line.resolvedOn() != null) {
                writes.send(new ResolveDossier(id, line.resolvedOn(), today));
            }
        }
    }
}
