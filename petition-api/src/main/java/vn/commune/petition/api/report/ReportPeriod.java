package vn.commune.petition.api.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;

/** Kỳ báo cáo: a period with the words the reports use for it ("6 tháng đầu năm 2024", "quý II năm 2024"). */
public record ReportPeriod(LocalDate from, LocalDate to) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    /** The years a period form offers: this one and the four before it, newest first. */
    public static List<Integer> choosableYears(LocalDate today) {
        return IntStream.rangeClosed(0, 4).mapToObj(back -> today.getYear() - back).toList();
    }

    public static ReportPeriod year(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static ReportPeriod half(int year, int half) {
        return half == 1 ? new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30))
                : new ReportPeriod(LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31));
    }

    public static ReportPeriod quarter(int year, int quarter) {
        LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new ReportPeriod(from, from.plusMonths(3).minusDays(1));
    }

    public static ReportPeriod month(int year, int month) {
        LocalDate from = LocalDate.of(year, month, 1);
        return new ReportPeriod(from, from.plusMonths(1).minusDays(1));
    }

    public static ReportPeriod firstMonths(int year, int months) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 1).plusMonths(months).minusDays(1));
    }

    /**
     * The report's number in the register of reports (BC) of its last day's year, from the period
     * alone, so that printing it again gives the same number: whole months within a year are 100 times
     * their count plus the last month (month 3: 103, quarter II: 306, the first half: 606, the year:
     * 1212); any other period is 100000 + 1000 times the day of the year it starts + the day it ends.
     */
    public int number() {
        boolean wholeMonths = from.getYear() == to.getYear() && from.getDayOfMonth() == 1
                && to.plusDays(1).getDayOfMonth() == 1;
        if (wholeMonths) {
            return 100 * (to.getMonthValue() - from.getMonthValue() + 1) + to.getMonthValue();
        }
        return 100_000 + 1000 * from.getDayOfYear() + to.getDayOfYear();
    }

    /** "6 tháng đầu năm 2024", "quý II năm 2024", "năm 2024", or "từ ngày … đến ngày …". */
    public String vietnamese() {
        int year = from.getYear();
        boolean startsYear = from.getDayOfYear() == 1;
        boolean sameYear = to.getYear() == year;
        boolean endsMonth = to.plusDays(1).getDayOfMonth() == 1;
        if (sameYear && from.getDayOfMonth() == 1 && endsMonth) {
            int months = to.getMonthValue() - from.getMonthValue() + 1;
            if (startsYear && months == 12) {
                return "năm " + year;
            }
            if (startsYear && (months == 6 || months == 9)) {
                return months + " tháng đầu năm " + year;
            }
            if (months == 6 && from.getMonthValue() == 7) {
                return "6 tháng cuối năm " + year;
            }
            if (months == 3 && (from.getMonthValue() - 1) % 3 == 0) {
                return "quý " + ROMAN[(from.getMonthValue() - 1) / 3] + " năm " + year;
            }
            if (months == 1) {
                return "tháng " + from.getMonthValue() + " năm " + year;
            }
        }
        return "kỳ từ ngày " + from.format(DAY) + " đến ngày " + to.format(DAY);
    }

    /** The same period in English. */
    public String english() {
        String words = vietnamese();
        if (words.startsWith("kỳ từ ngày")) {
            return "the period from " + from.format(DAY) + " to " + to.format(DAY);
        }
        return words.replace(" tháng đầu năm ", " months of ")
                .replace("6 tháng cuối năm ", "the second half of ")
                .replace("quý ", "quarter ").replace(" năm ", " of ")
                .replace("tháng ", "month ").replace("năm ", "the year ");
    }
}
