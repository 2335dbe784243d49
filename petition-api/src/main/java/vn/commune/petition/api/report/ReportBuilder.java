package vn.commune.petition.api.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.commune.petition.api.commune.CommuneSettings;
import vn.commune.petition.api.database.CommuneScope;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.api.session.ReceptionSchedule;
import vn.commune.petition.api.session.ReceptionSchedule.MonthJudged;
import vn.commune.petition.domain.law.LawVersion;
import vn.commune.petition.projections.counts.CountsQueries;
import vn.commune.petition.projections.counts.PetitionCounts;
import vn.commune.petition.projections.dossier.OneStopQueries;
import vn.commune.petition.projections.dossier.OneStopRow;
import vn.commune.petition.projections.session.ReceptionTotals;
import vn.commune.petition.projections.session.SessionQueries;

/** Writes the period report from the read models, in Vietnamese (or English), and checks its arithmetic. */
@Component
class ReportBuilder {

    private final CountsQueries counts;
    private final SessionQueries sessions;
    private final OneStopQueries oneStop;
    private final CommuneSettings communes;
    private final ReceptionSchedule schedule;
    private final Communes served;

    ReportBuilder(CountsQueries counts, SessionQueries sessions, OneStopQueries oneStop, CommuneSettings communes,
                  ReceptionSchedule schedule, Communes served) {
        this.counts = counts;
        this.sessions = sessions;
        this.oneStop = oneStop;
        this.communes = communes;
        this.schedule = schedule;
        this.served = served;
    }

    /**
     * The report of a period, every figure read in one snapshot of the read models: read one query
     * at a time while the counts move, its figures could disagree and fail its checks.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PeriodReport build(ReportPeriod period, boolean english) {
        PetitionCounts c = counts.count(period.from(), period.to());
        ReceptionTotals r = sessions.totals(period.from(), period.to());
        Map<String, Long> accepted = counts.acceptedByKind(period.from(), period.to());
        long toHandle = counts.toHandle(period.from(), period.to());
        List<OneStopRow> dossiers = oneStop.table(period.from(), period.to());
        OneStopRow dossierTotal = OneStopQueries.total(dossiers);
        long closed = c.closed();
        // The months short of the Chairman's monthly minimum (Luật 136/2025/QH15); a month under the
        // weekly rule before it is judged day by day in the schedule, as the reports of then were.
        List<MonthJudged> shortMonths = schedule.months(period.from(), period.to()).stream()
                .filter(m -> m.rule() == ReceptionSchedule.MonthlyRule.TWO_DAYS_A_MONTH && m.shortOfMinimum())
                .toList();

        List<ReportTable> tables = new ArrayList<>(List.of(
                reception(r, english),
                petitions(c, accepted, closed, english),
                oneStopTable(dossiers, dossierTotal, english)));
        // A report of several communes (a province's overseer's) gives each commune's petitions too.
        List<String> scope = CommuneScope.current();
        Map<String, PetitionCounts> byCommune = scope != null && scope.size() > 1
                ? counts.countByCommune(period.from(), period.to()) : Map.of();
        if (!byCommune.isEmpty()) {
            tables.add(byCommune(byCommune, english));
        }

        List<PeriodReport.Invariant> invariants = new ArrayList<>();
        invariants.add(invariant("TO_HANDLE", english
                        ? "Petitions to handle = carried over + received in the period"
                        : "Tổng số đơn phải xử lý = đơn kỳ trước chuyển sang + đơn tiếp nhận trong kỳ",
                "toHandle", toHandle, "carriedOver + received", c.carriedOver() + c.received()));
        invariants.add(invariant("CLOSED_BY_TIMELINESS", english
                        ? "Petitions closed = closed early + on time + late"
                        : "Số đơn đã giải quyết = trước hạn + đúng hạn + trễ hạn",
                "closed", closed, "closedEarly + closedOnTime + closedLate",
                c.closedEarly() + c.closedOnTime() + c.closedLate()));
        invariants.add(invariant("CONSERVATION", english
                        ? "Petitions to handle = closed in the period + open at its end"
                        : "Tổng số đơn phải xử lý = đã giải quyết trong kỳ + còn tồn cuối kỳ",
                "carriedOver + received", c.carriedOver() + c.received(), "closed + openAtEnd", closed + c.openAtEnd()));
        invariants.add(invariant("DOSSIERS_RECEIVED", english
                        ? "Dossiers: total = received online + in person + carried over"
                        : "Hồ sơ: tổng số = trực tuyến + trực tiếp + tồn kỳ trước",
                "received", dossierTotal.received(), "online + inPerson + carriedOver",
                dossierTotal.online() + dossierTotal.inPerson() + dossierTotal.carriedOver()));
        invariants.add(invariant("DOSSIERS_RESOLVED", english
                        ? "Dossiers: resolved = early + on time + late"
                        : "Hồ sơ: đã giải quyết = sớm hạn + đúng hạn + trễ hạn",
                "resolved", dossierTotal.resolved(), "early + onTime + late",
                dossierTotal.early() + dossierTotal.onTime() + dossierTotal.late()));
        if (!byCommune.isEmpty()) {
            invariants.add(invariant("BY_COMMUNE", english
                            ? "Petitions to handle = the sum of each commune's"
                            : "Tổng số đơn phải xử lý = tổng của từng xã, phường",
                    "carriedOver + received", c.carriedOver() + c.received(), "Σ communes (carriedOver + received)",
                    byCommune.values().stream().mapToLong(each -> each.carriedOver() + each.received()).sum()));
        }

        String words = period.vietnamese();
        String committee = communes.issuerOfScope().committee(english ? Locale.ENGLISH : Locale.forLanguageTag("vi"));
        String subject = english ? "citizen reception, petitions and one-stop dossiers, " + period.english()
                : "kết quả tiếp công dân, xử lý đơn thư và giải quyết hồ sơ " + words;
        String gist = Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
        return english
                ? new PeriodReport(period.from(), period.to(), period.english(), committee,
                        "Report of the " + committee + " on " + subject, gist,
                        "The " + committee + " reports on " + subject + ", as follows:",
                        "This is the report of the " + committee + " on " + subject + ".",
                        Narrative.vietnamese(words, c) + Narrative.receptionShortVietnamese(shortMonths),
                        Narrative.english(period.english(), c) + Narrative.receptionShortEnglish(shortMonths), tables,
                        invariants)
                : new PeriodReport(period.from(), period.to(), words, committee,
                        "Báo cáo " + subject + " của " + committee, gist,
                        committee + " báo cáo " + subject + " như sau:",
                        "Trên đây là báo cáo " + subject + " của " + committee + "./.",
                        Narrative.vietnamese(words, c) + Narrative.receptionShortVietnamese(shortMonths),
                        Narrative.english(period.english(), c) + Narrative.receptionShortEnglish(shortMonths), tables,
                        invariants);
    }

    private static PeriodReport.Invariant invariant(String name, String description, String left, long leftValue,
                                                    String right, long rightValue) {
        return new PeriodReport.Invariant(name, description, left, leftValue, right, rightValue,
                leftValue == rightValue);
    }

    private static ReportTable reception(ReceptionTotals r, boolean en) {
        List<List<Object>> rows = List.of(
                row(en ? "Reception sessions held" : "Số kỳ tiếp công dân", r.sessions()),
                row(en ? "  hosted by the head in person" : "  Thủ trưởng trực tiếp tiếp", r.sessionsHostedInPerson()),
                row(en ? "  delegated" : "  Ủy quyền tiếp", r.sessionsDelegated()),
                row(en ? "Visits" : "Số lượt tiếp", r.visits()),
                row(en ? "People received" : "Số người được tiếp", r.people()),
                row(en ? "Cases received for the first time" : "Số vụ việc tiếp lần đầu", r.firstVisits()),
                row(en ? "Cases received again" : "Số vụ việc tiếp nhiều lần", r.repeatVisits()),
                row(en ? "Group delegations" : "Số đoàn đông người", r.groupDelegations()),
                row(en ? "People in group delegations" : "Số người trong các đoàn đông người", r.groupPeople()));
        return new ReportTable("reception", en ? "Citizen reception" : "Kết quả tiếp công dân",
                List.of(en ? "Item" : "Chỉ tiêu", en ? "Number" : "Số lượng"), rows);
    }

    private static ReportTable petitions(PetitionCounts c, Map<String, Long> accepted, long closed, boolean en) {
        List<List<Object>> rows = new ArrayList<>(List.of(
                row(en ? "Petitions to handle" : "Tổng số đơn phải xử lý", c.carriedOver() + c.received()),
                row(en ? "  carried over from the previous period" : "  Đơn kỳ trước chuyển sang", c.carriedOver()),
                row(en ? "  received in the period" : "  Đơn tiếp nhận trong kỳ", c.received()),
                row(en ? "Eligible for handling" : "Đơn đủ điều kiện xử lý", c.received() - c.archived()),
                row(en ? "Within jurisdiction: complaints" : "Thuộc thẩm quyền: khiếu nại",
                        accepted.getOrDefault("COMPLAINT", 0L)),
                row(en ? "Within jurisdiction: denunciations" : "Thuộc thẩm quyền: tố cáo",
                        accepted.getOrDefault("DENUNCIATION", 0L)),
                row(en ? "Within jurisdiction: recommendations, feedback" : "Thuộc thẩm quyền: kiến nghị, phản ánh",
                        accepted.getOrDefault("RECOMMENDATION", 0L) + accepted.getOrDefault("FEEDBACK", 0L)),
                row(en ? "Outside jurisdiction: guided" : "Không thuộc thẩm quyền: hướng dẫn", c.guided()),
                row(en ? "Outside jurisdiction: forwarded" : "Không thuộc thẩm quyền: chuyển đơn", c.forwarded()),
                row(en ? "Resolved (answered in writing)" : "Đã giải quyết (trả lời bằng văn bản)", c.resolved()),
                row(en ? "Sent to the higher level" : "Chuyển lên cấp trên", c.escalated()),
                row(en ? "Not accepted" : "Không thụ lý", c.rejected()),
                row(en ? "Filed (archived)" : "Xếp lưu đơn", c.archived()),
                row(en ? "Withdrawn" : "Rút đơn", c.withdrawn()),
                row(en ? "Closed in the period" : "Tổng số đơn đã giải quyết trong kỳ", closed),
                row(en ? "  before the deadline" : "  Trước hạn", c.closedEarly()),
                row(en ? "  on the deadline" : "  Đúng hạn", c.closedOnTime()),
                row(en ? "  after the deadline" : "  Trễ hạn", c.closedLate()),
                row(en ? "Open at the end of the period" : "Đơn còn tồn cuối kỳ", c.openAtEnd()),
                row(en ? "  of which overdue" : "  Trong đó quá hạn", c.overdueAtEnd()),
                row(en ? "Mediations succeeded" : "Hòa giải thành", c.mediationSucceeded()),
                row(en ? "Mediations failed" : "Hòa giải không thành", c.mediationFailed())));
        // A termination exists from Luật 136/2025/QH15: a period ending before it has no such row.
        if (LawVersion.LAW_136_2025.inForceOn(c.to()) || c.terminated() > 0) {
            rows.add(rows.indexOf(row(en ? "Withdrawn" : "Rút đơn", c.withdrawn())) + 1,
                    row(en ? "Resolution terminated" : "Đình chỉ giải quyết", c.terminated()));
        }
        return new ReportTable("petitions", en ? "Petition handling" : "Kết quả xử lý, giải quyết đơn thư",
                List.of(en ? "Item" : "Chỉ tiêu", en ? "Number" : "Số lượng"), rows);
    }

    /** Each commune's petitions, one row a commune in the order of their codes, and their total. */
    private ReportTable byCommune(Map<String, PetitionCounts> byCommune, boolean en) {
        Locale locale = en ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (Map.Entry<String, PetitionCounts> each : byCommune.entrySet()) {
            rows.add(communeLine(n++, served.name(each.getKey(), locale), each.getValue()));
        }
        List<Object> total = new ArrayList<>(List.of("*", en ? "Total" : "Tổng số"));
        for (int column = 2; column < rows.get(0).size(); column++) {
            int at = column;
            total.add(rows.stream().mapToLong(row -> (Long) row.get(at)).sum());
        }
        rows.add(total);
        return new ReportTable("by-commune", en ? "Petitions by commune" : "Đơn thư theo từng xã, phường",
                en ? List.of("No.", "Commune", "To handle", "carried over", "received", "Closed", "early",
                        "on time", "late", "Open at the end", "overdue")
                        : List.of("STT", "Xã, phường", "Phải xử lý", "Kỳ trước chuyển sang", "Tiếp nhận trong kỳ",
                        "Đã giải quyết", "Trước hạn", "Đúng hạn", "Trễ hạn", "Còn tồn cuối kỳ", "Quá hạn"),
                rows);
    }

    private static List<Object> communeLine(int number, String commune, PetitionCounts c) {
        return new ArrayList<>(List.of(number, commune, c.carriedOver() + c.received(), c.carriedOver(), c.received(),
                c.closed(), c.closedEarly(), c.closedOnTime(), c.closedLate(), c.openAtEnd(), c.overdueAtEnd()));
    }

    private static ReportTable oneStopTable(List<OneStopRow> rows, OneStopRow total, boolean en) {
        List<List<Object>> lines = new ArrayList<>();
        int n = 1;
        for (OneStopRow row : rows) {
            lines.add(oneStopLine(n++, row));
        }
        List<Object> totalLine = oneStopLine(0, total);
        totalLine.set(0, "*");
        totalLine.set(1, en ? "Total" : "Tổng số");
        lines.add(totalLine);
        return new ReportTable("one-stop", en ? "One-stop-shop dossiers" : "Kết quả giải quyết hồ sơ TTHC tại Bộ phận một cửa",
                en ? List.of("No.", "Field", "Received: total", "online", "in person", "carried over",
                        "Resolved: total", "early", "on time", "late")
                        : List.of("STT", "Lĩnh vực", "Số hồ sơ nhận: Tổng số", "Tiếp nhận trực tuyến",
                        "Tiếp nhận trực tiếp", "Tồn kỳ trước", "Hồ sơ đã giải quyết: Tổng số", "Sớm hạn",
                        "Đúng hạn", "Trễ hạn"),
                lines);
    }

    private static List<Object> oneStopLine(int number, OneStopRow row) {
        return new ArrayList<>(List.of(number, row.field(), row.received(), row.online(), row.inPerson(),
                row.carriedOver(), row.resolved(), row.early(), row.onTime(), row.late()));
    }

    private static List<Object> row(String label, long value) {
        return List.of(label, value);
    }
}
