package vn.commune.petition.api.counts;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.report.ReportPeriod;
import vn.commune.petition.projections.counts.CountsQueries;
import vn.commune.petition.projections.counts.PetitionCounts;
import vn.commune.petition.projections.session.SessionQueries;

/**
 * What a dashboard shows of a period: its counts (the same as {@code GET /api/counts}), the petitions
 * received and closed in each of its months, and the reception figures. Read from the counts
 * projection; no personal data is in any of it.
 */
@Component
class Dashboard {

    /** A month of the period (cut to the period at either end): petitions received, and closed. */
    record Month(YearMonth month, long received, long closed) {
    }

    /** The figures of one period. */
    record Figures(ReportPeriod period, PetitionCounts counts, List<Month> months, CountsController.Reception reception) {
    }

    private final CountsQueries counts;
    private final SessionQueries sessions;

    Dashboard(CountsQueries counts, SessionQueries sessions) {
        this.counts = counts;
        this.sessions = sessions;
    }

    Figures figures(ReportPeriod period) {
        Map<YearMonth, CountsQueries.MonthCounts> byMonth = new HashMap<>();
        counts.byMonth(period.from(), period.to()).forEach(m -> byMonth.put(YearMonth.from(m.month()), m));
        List<Month> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(period.from()); !month.atDay(1).isAfter(period.to());
             month = month.plusMonths(1)) {
            CountsQueries.MonthCounts in = byMonth.get(month);
            months.add(in == null ? new Month(month, 0, 0) : new Month(month, in.received(), in.closed()));
        }
        return new Figures(period, counts.count(period.from(), period.to()), months,
                CountsController.Reception.of(sessions.totals(period.from(), period.to())));
    }
}
