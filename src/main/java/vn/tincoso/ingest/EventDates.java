package vn.tincoso.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day a text is about when it carries no publication date (a preview cut before its date line): the latest full
 * date it mentions. Dates of the documents it cites ("Đề án số 11-ĐA/TU, ngày 06/12/2021") come before the event.
 */
final class EventDates {

    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*((?:19|20)\\d{2})(?!\\d)"
            + "|(?<![\\p{L}])ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+((?:19|20)\\d{2})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private EventDates() {
    }

    static Optional<LocalDate> latest(String text) {
        LocalDate latest = null;
        Matcher date = DATE.matcher(text);
        while (date.find()) {
            int group = date.group(1) != null ? 1 : 4;
            try {
                LocalDate day = LocalDate.of(Integer.parseInt(date.group(group + 2)), Integer.parseInt(date.group(group + 1)),
                        Integer.parseInt(date.group(group)));
                if (latest == null || day.isAfter(latest)) {
                    latest = day;
                }
            } catch (DateTimeException e) {
                // not a date: "31/02/2024", a ratio
            }
        }
        return Optional.ofNullable(latest);
    }
}
