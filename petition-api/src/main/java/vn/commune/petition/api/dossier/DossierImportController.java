package vn.commune.petition.api.dossier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.config.CommuneClock;
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
 * CSV. Every line is checked first; with any bad line nothing is imported and every bad line is
 * reported; otherwise every dossier is imported in one transaction.
 */
@RestController
class DossierImportController {

    private final Writes writes;
    private final JdbcClient jdbc;
    private final Clock clock;

    DossierImportController(Writes writes, JdbcClient jdbc, Clock clock) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping(value = "/api/dossiers/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<?> importCsv(@RequestBody byte[] body, WriteHeaders write) {
        LocalDate today = CommuneClock.today(clock);
        String text = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(body)).toString();
        DossierCsv.Result read = DossierCsv.read(text, today);
        List<DossierCsv.Problem> problems = new ArrayList<>(read.problems());
        List<String> codes = read.lines().stream().map(DossierCsv.Line::code).toList();
        if (!codes.isEmpty()) {
            List<String> known = jdbc.sql("SELECT code FROM one_stop_dossier WHERE code IN (:codes)")
                    .param("codes", codes).query(String.class).list();
            read.lines().stream().filter(line -> known.contains(line.code())).forEach(line ->
                    problems.add(new DossierCsv.Problem(line.number(), "code", "already imported")));
        }
        if (!problems.isEmpty()) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-import", "Invalid import",
                    problems.size() + " problem(s) in the file; nothing was imported");
            problem.setProperty("rejectedLines", problems);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return writes.run(write, text, Map.class, () -> {
            for (DossierCsv.Line line : read.lines()) {
                String id = UUID.nameUUIDFromBytes(("dossier:" + line.code()).getBytes(StandardCharsets.UTF_8))
                        .toString();
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
            return new Written<Map>(201, null, null, Map.of("imported", read.lines().size()), false);
        }).response();
    }
}
