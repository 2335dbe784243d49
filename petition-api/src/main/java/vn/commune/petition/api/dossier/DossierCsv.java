package vn.commune.petition.api.dossier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import vn.commune.petition.api.request.Text;
import vn.commune.petition.domain.deadline.BusinessDates;
import vn.commune.petition.domain.dossier.DossierChannel;

/**
 * Reads a CSV of one-stop dossiers (RFC 4180, UTF-8), one dossier per line, as a stream: each call
 * to {@link #next} reads and checks one more line, so memory does not grow with the file. Header:
 * {@code code,field,channel,receivedOn,dueOn,returnedOn,resubmittedOn,resolvedOn}; the last three may
 * be empty; dates are yyyy-MM-dd from 2000 on; channel is ONLINE, IN_PERSON or POSTAL.
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

    /** One record: the line it starts on, its first cells (no more than the header has) and how many it has. */
    private record Row(int line, List<String> cells, int count, String malformed) {
    }

    private final Reader in;
    private final LocalDate today;
    private final Set<String> codes;
    private int line = 1;
    private int pushedBack = -2;
    private boolean first = true;
    private boolean started;
    private boolean ended;

    private DossierCsv(InputStream in, LocalDate today, boolean checkCodes) {
        // Bytes that are not UTF-8 become U+FFFD, which refuses the cell they are in.
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.today = today;
        this.codes = checkCodes ? new HashSet<>() : null;
    }

    /** A reader that also reports a code seen on an earlier line (keeping every code in memory). */
    static DossierCsv checking(InputStream in, LocalDate today) {
        return new DossierCsv(in, today, true);
    }

    /** A reader of a file already checked. */
    static DossierCsv reading(InputStream in, LocalDate today) {
        return new DossierCsv(in, today, false);
    }

    /**
     * The next line that holds a dossier, the problems of the lines before it given to {@code problems};
     * null at the end of the file.
     */
    Line next(Consumer<Problem> problems) throws IOException {
        if (!started) {
            started = true;
            Row header = row();
            if (header == null || header.count() != HEADER.size()
                    || !header.cells().stream().map(String::strip).toList().equals(HEADER)) {
                problems.accept(new Problem(1, "header", "the first line must be " + String.join(",", HEADER)));
                ended = true;
            }
        }
        while (!ended) {
            Row row = row();
            if (row == null) {
                ended = true;
            } else if (row.malformed() != null) {
                problems.accept(new Problem(row.line(), "line", row.malformed()));
            } else if (row.count() == 1 && row.cells().get(0).isBlank()) {
                continue;
            } else if (row.count() != HEADER.size()) {
                problems.accept(new Problem(row.line(), "line",
                        "expected " + HEADER.size() + " columns, found " + row.count()));
            } else {
                Line dossier = dossier(row.line(), row.cells(), problems);
                if (dossier != null) {
                    return dossier;
                }
            }
        }
        return null;
    }

    private Line dossier(int number, List<String> cells, Consumer<Problem> problems) {
        List<Problem> found = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).indexOf('\uFFFD') >= 0) {
                found.add(new Problem(number, HEADER.get(i), "is not UTF-8 text (save the file as UTF-8)"));
            }
        }
        if (!found.isEmpty()) {
            found.forEach(problems);
            return null;
        }
        String code = text(cells.get(0), number, "code", 100, found);
        String field = text(cells.get(1), number, "field", 200, found);
        DossierChannel channel = channel(cells.get(2), number, found);
        LocalDate received = date(cells.get(3), number, "receivedOn", true, found);
        LocalDate due = date(cells.get(4), number, "dueOn", true, found);
        LocalDate returned = date(cells.get(5), number, "returnedOn", false, found);
        LocalDate resubmitted = date(cells.get(6), number, "resubmittedOn", false, found);
        LocalDate resolved = date(cells.get(7), number, "resolvedOn", false, found);
        if (code != null && codes != null && !codes.add(code)) {
            found.add(new Problem(number, "code", "the code '" + abbreviate(code) + "' appears on an earlier line"));
        }
        if (found.isEmpty()) {
            order(number, received, due, returned, resubmitted, resolved, found);
        }
        found.forEach(problems);
        return found.isEmpty()
                ? new Line(number, code, field, channel, received, due, returned, resubmitted, resolved) : null;
    }

    private void order(int number, LocalDate received, LocalDate due, LocalDate returned, LocalDate resubmitted,
                       LocalDate resolved, List<Problem> problems) {
        if (received.isAfter(today)) {
            problems.add(new Problem(number, "receivedOn", "is in the future"));
        } else if (due.isAfter(received.plusYears(1))) {
            // The working days from receipt to the due date are counted one by one.
            problems.add(new Problem(number, "dueOn", "is more than a year after receivedOn"));
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

    private static String text(String value, int line, String column, int max, List<Problem> problems) {
        String problem = Text.blank(value) ? "must not be empty" : Text.problemInLine(value);
        if (problem != null) {
            problems.add(new Problem(line, column, problem));
            return null;
        }
        String text = value.strip();
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
            LocalDate date = LocalDate.parse(text);
            if (date.isBefore(BusinessDates.FIRST)) {
                problems.add(new Problem(line, column, "is before " + BusinessDates.FIRST));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(line, column, "'" + abbreviate(text) + "' is not a date (yyyy-MM-dd)"));
            return null;
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 30 ? value.substring(0, 30) + "…" : value;
    }

    /**
     * Reads one record: cells split on commas; a cell that opens with a double quote may hold commas,
     * line breaks and doubled quotes. Only the cells a dossier has are kept, so a line of a million
     * commas costs no more than a line of eight cells. Null at the end of the file.
     */
    private Row row() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        int start = line;
        List<String> cells = new ArrayList<>(HEADER.size());
        int count = 0;
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean closed = false;
        String malformed = null;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    malformed = "a quoted value is not closed before the end of the file";
                }
                break;
            }
            if (quoted) {
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        closed = true;
                        c = after;
                        continue;
                    }
                } else {
                    if (cells.size() < HEADER.size()) {
                        cell.append((char) c);
                    }
                    if (c == '\n' || c == '\r' && peek() != '\n') {
                        line++;
                    }
                }
            } else if (c == ',') {
                if (cells.size() < HEADER.size()) {
                    cells.add(cell.toString());
                }
                count++;
                cell.setLength(0);
                closed = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                break;
            } else if (c == '"' && cell.isEmpty() && !closed) {
                quoted = true;
            } else {
                if (closed && malformed == null) {
                    malformed = "a quoted value must be followed by a comma or the end of the line";
                }
                if (cells.size() < HEADER.size()) {
                    cell.append((char) c);
                }
            }
            c = read();
        }
        if (cells.size() < HEADER.size()) {
            cells.add(cell.toString());
        }
        return new Row(start, cells, count + 1, malformed);
    }

    private int peek() throws IOException {
        if (pushedBack == -2) {
            pushedBack = read();
        }
        return pushedBack;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        int c = in.read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                return in.read();
            }
        }
        return c;
    }
}
