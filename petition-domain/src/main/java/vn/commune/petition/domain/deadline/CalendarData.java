package vn.commune.petition.domain.deadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads calendar data: one line per day, {@code yyyy-MM-dd,HOLIDAY|WORKING|NORMAL,name}; blank
 * lines and lines starting with {@code #} are comments. The service ships one file per year
 * ({@code /calendar/vn-YYYY.csv}); a commune adds or corrects days with a file of its own.
 */
public final class CalendarData {

    /** The years shipped with the service. */
    public static final int FIRST_YEAR = 2023;
    public static final int LAST_YEAR = 2027;

    private CalendarData() {
    }

    /** The shipped lines of every year from {@link #FIRST_YEAR} to {@link #LAST_YEAR}. */
    public static List<CalendarDay> shipped() {
        List<CalendarDay> days = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            String name = "/calendar/vn-" + year + ".csv";
            try (InputStream in = CalendarData.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("The calendar file " + name + " is missing");
                }
                days.addAll(read(new InputStreamReader(in, StandardCharsets.UTF_8), name));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name, e);
            }
        }
        return days;
    }

    /** Parses calendar lines; {@code source} names the file in error messages. */
    public static List<CalendarDay> read(Reader reader, String source) throws IOException {
        List<CalendarDay> days = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] parts = text.split(",", 3);
            if (parts.length < 2) {
                throw malformed(source, number, "expected date,type,name");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(parts[0].strip());
            } catch (DateTimeParseException e) {
                throw malformed(source, number, "'" + parts[0].strip() + "' is not a date (yyyy-MM-dd)");
            }
            CalendarDay.Type type;
            try {
                type = CalendarDay.Type.valueOf(parts[1].strip());
            } catch (IllegalArgumentException e) {
                throw malformed(source, number, "'" + parts[1].strip() + "' is not HOLIDAY, WORKING or NORMAL");
            }
            days.add(new CalendarDay(date, type, parts.length > 2 ? parts[2].strip() : ""));
        }
        return days;
    }

    private static IllegalArgumentException malformed(String source, int line, String problem) {
        return new IllegalArgumentException("Calendar data " + source + ", line " + line + ": " + problem);
    }
}
