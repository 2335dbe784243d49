package vn.commune.petition.api.audit;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.projections.audit.AuditExport;
import vn.commune.petition.projections.audit.AuditVerifier.Verification;
import vn.commune.petition.projections.audit.AuditVerifier;
import vn.commune.petition.projections.audit.Seals.Seal;
import vn.commune.petition.projections.audit.Seals;

/** Tamper evidence for inspectors: verify chains and seals, seal the past, export for checking elsewhere. */
@RestController
class AuditController {

    private final JdbcClient jdbc;
    private final Communes communes;
    private final AuditVerifier verifier;
    private final Seals seals;
    private final AuditExport export;
    private final ZoneId zone;
    private final Duration sealOnceWithin;

    /**
     * {@code sealOnceWithin}: every instance fires the daily seal; the first makes it, and the others do
     * nothing while the latest seal is younger than this ({@code petition.audit.seal-once-within}).
     */
    AuditController(AuditVerifier verifier, Seals seals, AuditExport export, JdbcClient jdbc,
                    Communes communes, @Value("${petition.zone:Asia/Ho_Chi_Minh}") ZoneId zone,
                    @Value("${petition.audit.seal-once-within:PT1H}") Duration sealOnceWithin) {
        this.verifier = verifier;
        this.jdbc = jdbc;
        this.communes = communes;
        this.seals = seals;
        this.export = export;
        this.zone = zone;
        this.sealOnceWithin = sealOnceWithin;
    }

    @GetMapping("/api/petitions/{id}/verification")
    Verification verifyPetition(@PathVariable String id) {
        // The event store has no commune policy: the petition (or the session, or the dossier) is first
        // looked for where the request's communes are, so that another commune's is not found either.
        String aggregate = NotFoundException.unlessId(id, "No petition has this id");
        if (!jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM petition_view WHERE id = :id)
                            OR EXISTS (SELECT 1 FROM reception_session WHERE id = :id)
                            OR EXISTS (SELECT 1 FROM one_stop_dossier WHERE id = :id)""")
                .param("id", aggregate).query(Boolean.class).single()) {
            throw new NotFoundException("No petition has this id");
        }
        return verifier.verifyAggregate(id).orElseThrow(() -> new NotFoundException("No petition has this id"));
    }

    @GetMapping("/api/audit/verification")
    Verification verifyAll(@RequestParam(required = false) Long upTo, Authentication user) {
        communes.requireEveryCommune(user.getName());
        return verifier.verifyAll(upTo);
    }

    @PostMapping("/api/audit/seals")
    ResponseEntity<?> seal(Authentication user) {
        Optional<Seal> seal = seals.seal(user.getName());
        return seal.<ResponseEntity<?>>map(s -> ResponseEntity.status(HttpStatus.CREATED).body(s))
                .orElseGet(() -> ResponseEntity.ok(seals.latest().orElse(null)));
    }

    @GetMapping("/api/audit/seals")
    List<Seal> seals() {
        return seals.all();
    }

    /** A seal as a page to print and attach to the session minutes. */
    @GetMapping(value = "/api/audit/seals/{id}", produces = MediaType.TEXT_PLAIN_VALUE)
    String printable(@PathVariable long id) {
        Seal seal = seals.find(id).orElseThrow(() -> new NotFoundException("No seal has this id"));
        return """
                NIÊM PHONG DỮ LIỆU ĐƠN THƯ / PETITION RECORD SEAL
                Số niêm phong (seal):            %d
                Thời điểm (sealed at):           %s
                Người niêm phong (sealed by):    %s
                Đến sự kiện số (up to event):    %d
                Số sự kiện (events):             %d
                Gốc Merkle (Merkle root, SHA-256, RFC 6962):
                %s
                Kiểm tra: GET /api/audit/verification, hoặc verify.py trong bản xuất dữ liệu (docs/AUDIT.md).
                """.formatted(seal.id(), seal.sealedAt().atZone(zone), seal.sealedBy(), seal.upToGlobalIndex(),
                seal.eventCount(), seal.merkleRoot());
    }

    @GetMapping("/api/audit/export")
    void export(@Valid ExportPeriod period, Authentication user, HttpServletResponse response) throws IOException {
        communes.requireEveryCommune(user.getName());
        download(export, zone, period, response);
    }

    /** The export of a period (commune days of recording), as a zip download; the audit page's too. */
    static void download(AuditExport export, ZoneId zone, ExportPeriod period, HttpServletResponse response)
            throws IOException {
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"audit-" + period.from() + "-" + period.to() + ".zip\"");
        export.write(period.from().atStartOfDay(zone).toInstant(),
                period.to().plusDays(1).atStartOfDay(zone).toInstant(), response.getOutputStream());
    }

    /** The daily seal, at the hour of {@code petition.audit.seal-cron} in the commune, once per cluster. */
    @Scheduled(cron = "${petition.audit.seal-cron:0 0 23 * * *}", zone = "${petition.zone:Asia/Ho_Chi_Minh}")
    void sealDaily() {
        seals.seal("system", sealOnceWithin);
    }
}
