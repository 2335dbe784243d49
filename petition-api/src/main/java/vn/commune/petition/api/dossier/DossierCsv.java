package vn.commune.petition.api.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.commune.petition.domain.dossier.DossierChannel;

/**
 * Reads a CSV of one-stop dossiers, one line per dossier, and checks every line before anything is
 * written. Header: {@code code,field,channel,receivedOn,dueOn,returnedOn,resubmittedOn,resolvedOn};
 * the last three may be empty; dates are yyyy-MM-dd; channel is ONLINE, IN_PERSON or POSTAL.
 */
final class DossierCsv {

    static final List<String> HEADER = List.of("code", "field", "channel", "receivedOn", "dueOn", "returnedOn",
            "resubmittedOn", "resolvedOn");

    /** One dossier as read from a line. */
    record Line(int number, String code, String field, DossierChannel channel, LocalDate receivedOn, LocalDate dueOn,
                LocalDate returnedOn, LocalDate resubmittedOn, LocalDate resolvedOn) {
    }

    /** A rejected line: its number (the header is line 1), the column and what is wrong. */
    record Problem(int line, String column, String message) {
    }

    /** The lines read, and the problems found; the import goes ahead only when there are none. */
    record Result(List<Line> lines, List<Problem> problems) {
    }

    private DossierCsv() {
    }

    static Result read(String text, LocalDate today) {
        List<Line> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] rows = text.replace("\uFEFF", "").split("\r?\n");
        if (rows.length == 0 || !parse(rows[0]).stream().map(String::strip).toList().equals(HEADER)) {
            problems.add(new Problem(1, "header", "the first line must be " + String.join(",", HEADER)));
            return new Result(lines, problems);
        }
        Set<String> codes = new HashSet<>();
        for (int i = 1; i < rows.length; i++) {
            int number = i + 1;
            if (rows[i].isBlank()) {
                continue;
            }
            List<String> cells = parse(rows[i]);
            if (cells.size() != HEADER.size()) {
                problems.add(new Problem(number, "line", "expected " + HEADER.size() + " columns, found " + cells.size()));
                continue;
            }
            int before = problems.size();
            String code = required(cells.get(0), number, "code", 100, problems);
            String field = required(cells.get(1), number, "field", 200, problems);
            DossierChannel channel = channel(cells.get(2), number, problems);
            LocalDate received = date(cells.get(3), number, "receivedOn", true, problems);
            LocalDate due = date(cells.get(4), number, "dueOn", true, problems);
            LocalDate returned = date(cells.get(5), number, "returnedOn", false, problems);
            LocalDate resubmitted = date(cells.get(6), number, "resubmittedOn", false, problems);
            LocalDate resolved = date(cells.get(7), number, "resolvedOn", false, problems);
            if (code != null && !codes.add(code)) {
                problems.add(new Problem(number, "code", "the code '" + code + "' appears on an earlier line"));
            }
            if (problems.size() == before) {
                order(number, today, received, due, returned, resubmitted, resolved, problems);
            }
            if (problems.size() == before) {
                lines.add(new Line(number, code, field, channel, received, due, returned, resubmitted, resolved));
            }
        }
        return new Result(lines, problems);
    }

    private static void order(int number, LocalDate today, LocalDate received, LocalDate due, LocalDate returned,
                              LocalDate resubmitted, LocalDate resolved, List<Problem> problems) {
        if (received.isAfter(today)) {
            problems.add(new Problem(number, "receivedOn", "is in the future"));
        }
        if (due.isBefore(received)) {
            problems.add(new Problem(number, "dueOn", "is before receivedOn"));
        }
        if ((returned == null) != (resubmitted == null) && !(returned != null && resolved == null)) {
            problems.add(new Problem(number, "resubmittedOn", "a resubmission needs a return, and a returned dossier"
                    + " is resolved only after it is resubmitted"));
        }
        LocalDate last = received;
        for (var step : List.of(new Object[] {"returnedOn", returned}, new Object[] {"resubmittedOn", resubmitted},
                new Object[] {"resolvedOn", resolved})) {
            LocalDate day = (LocalDate) step[1];
            if (day == null) {
                continue;
            }
            if (day.isBefore(last)) {
                problems.add(new Problem(number, (String) step[0], "is before the dossier's previous step"));
            }
            if (day.isAfter(today)) {
                problems.add(new Problem(number, (String) step[0], "is in the future"));
            }
            last = day;
        }
    }

    private static String required(String value, int line, String column, int max, List<Problem> problems) {
        String text = value.strip();
        if (text.isEmpty()) {
            problems.add(new Problem(line, column, "must not be empty"));
            return null;
        }
        if (text.length() > max) {
            problems.add(new Problem(line, column, "must be at most " + max + " characters"));
            return null;
        }
        return text;
    }

    private static DossierChannel channel(String value, int line, List<Problem> problems) {
        try {
            return DossierChannel.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(line, "channel", "'" + abbreviate(value) + "' is not ONLINE, IN_PERSON or POSTAL"));
            return null;
        }
    }

    private static LocalDate date(String value, int line, String column, boolean required, List<Problem> problems) {
        String text = value.strip();
        if (text.isEmpty()) {
            if (required) {
                problems.add(new Problem(line, column, "must not be empty"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(line, column, "'" + abbreviate(text) + "' is not a date (yyyy-MM-dd)"));
            return null;
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 30 ? value.substring(0, 30) + "…" : value;
    }

    /** Splits one CSV line; a field in double quotes may hold commas and doubled quotes. */
    static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
