package vn.commune.petition.api.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.commune.petition.api.session.ReceptionSchedule.MonthJudged;
import vn.commune.petition.projections.counts.PetitionCounts;

/**
 * The report's sentence on petitions, in the words of the town's own report, chosen by the counts:
 * "Trong 6 tháng đầu năm 2024 đã tiếp nhận 11 đơn thư kiến nghị của công dân. Đã hòa giải thành và
 * trả lời bằng văn bản 9 đơn, còn 02 đơn hòa giải không thành chuyển lên cấp trên."
 */
final class Narrative {

    private Narrative() {
    }

    static String vietnamese(String period, PetitionCounts counts) {
        StringBuilder text = new StringBuilder("Trong ").append(period).append(" đã tiếp nhận ")
                .append(counts.received()).append(" đơn thư");
        String kinds = kinds(counts.byKind());
        if (!kinds.isEmpty()) {
            text.append(' ').append(kinds);
        }
        text.append(" của công dân.");
        List<String> handled = new ArrayList<>();
        if (counts.resolved() > 0) {
            boolean mediated = counts.mediationSucceeded() >= counts.resolved();
            handled.add((mediated ? "hòa giải thành và trả lời bằng văn bản " : "trả lời bằng văn bản ")
                    + counts.resolved() + " đơn");
        }
        String escalation = null;
        if (counts.escalated() > 0) {
            boolean failed = counts.mediationFailed() >= counts.escalated();
            escalation = "còn " + twoDigits(counts.escalated()) + " đơn "
                    + (failed ? "hòa giải không thành chuyển lên cấp trên" : "chuyển lên cấp trên");
        }
        if (!handled.isEmpty() || escalation != null) {
            text.append(" Đã ");
            if (!handled.isEmpty()) {
                text.append(String.join(", ", handled));
                if (escalation != null) {
                    text.append(", ").append(escalation);
                }
            } else {
                text.append("chuyển lên cấp trên ").append(twoDigits(counts.escalated())).append(" đơn");
            }
            text.append('.');
        }
        List<String> others = new ArrayList<>();
        add(others, counts.forwarded(), "chuyển đơn đến cơ quan có thẩm quyền");
        add(others, counts.guided(), "hướng dẫn công dân");
        add(others, counts.rejected(), "không thụ lý");
        add(others, counts.archived(), "xếp lưu");
        add(others, counts.withdrawn(), "công dân rút đơn");
        add(others, counts.terminated(), "đình chỉ việc giải quyết khiếu nại");
        if (!others.isEmpty()) {
            text.append(' ').append(capitalise(String.join("; ", others))).append('.');
        }
        if (counts.openAtEnd() > 0) {
            text.append(" Còn ").append(twoDigits(counts.openAtEnd())).append(" đơn đang giải quyết");
            if (counts.overdueAtEnd() > 0) {
                text.append(", trong đó ").append(twoDigits(counts.overdueAtEnd())).append(" đơn quá hạn");
            }
            text.append('.');
        }
        return text.toString();
    }

    static String english(String period, PetitionCounts counts) {
        StringBuilder text = new StringBuilder("In ").append(period).append(", ").append(counts.received())
                .append(" citizen petitions were received.");
        if (counts.resolved() > 0) {
            text.append(' ').append(counts.resolved()).append(counts.mediationSucceeded() >= counts.resolved()
                    ? " were settled by mediation and answered in writing." : " were answered in writing.");
        }
        if (counts.escalated() > 0) {
            text.append(' ').append(counts.escalated()).append(counts.mediationFailed() >= counts.escalated()
                    ? " failed mediation and were sent to the higher level." : " were sent to the higher level.");
        }
        if (counts.openAtEnd() > 0) {
            text.append(' ').append(counts.openAtEnd()).append(" remained open at the end.");
        }
        return text.toString();
    }

    /**
     * The sentence naming the months in which the Chairman received citizens in person on fewer days
     * than Luật 136/2025/QH15 asks; empty when none fell short.
     */
    static String receptionShortVietnamese(List<MonthJudged> shortMonths) {
        if (shortMonths.isEmpty()) {
            return "";
        }
        List<String> months = shortMonths.stream()
                .map(m -> String.format("%02d/%d (%s/%d ngày)", m.month().getMonthValue(), m.month().getYear(),
                        twoDigits(m.periodicHeld()), m.required()))
                .toList();
        return " Chủ tịch UBND chưa trực tiếp tiếp công dân định kỳ đủ " + shortMonths.get(0).required()
                + " ngày trong tháng theo Luật 136/2025/QH15 trong tháng " + String.join(", ", months) + ".";
    }

    static String receptionShortEnglish(List<MonthJudged> shortMonths) {
        if (shortMonths.isEmpty()) {
            return "";
        }
        List<String> months = shortMonths.stream()
                .map(m -> m.month() + " (" + m.periodicHeld() + " of " + m.required() + " days)")
                .toList();
        return " The Chairman received citizens in person on fewer than " + shortMonths.get(0).required()
                + " days a month, as Law 136/2025/QH15 asks, in " + String.join(", ", months) + ".";
    }

    /** The kind words in the law's order: khiếu nại, tố cáo, kiến nghị, phản ánh. */
    private static String kinds(Map<String, Long> byKind) {
        List<String> words = new ArrayList<>();
        if (byKind.getOrDefault("COMPLAINT", 0L) > 0) {
            words.add("khiếu nại");
        }
        if (byKind.getOrDefault("DENUNCIATION", 0L) > 0) {
            words.add("tố cáo");
        }
        if (byKind.getOrDefault("RECOMMENDATION", 0L) > 0) {
            words.add("kiến nghị");
        }
        if (byKind.getOrDefault("FEEDBACK", 0L) > 0) {
            words.add("phản ánh");
        }
        return String.join(", ", words);
    }

    private static void add(List<String> parts, long count, String words) {
        if (count > 0) {
            parts.add(words + " " + twoDigits(count) + " đơn");
        }
    }

    /** Numbers under 10 with two digits, as the town's report writes them ("02"). */
    static String twoDigits(long n) {
        return n < 10 ? String.format("%02d", n) : Long.toString(n);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
