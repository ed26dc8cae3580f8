package vn.tincoso.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.tincoso.config.VietnamTime;
import vn.tincoso.text.VietnameseText;

/**
 * The dates portals print, in every form they use: "12/08/2025", "12-8-2025", "2025-08-12" (with a time and offset:
 * "2025-08-12T09:30:00+07:00"), "ngày 12 tháng 8 năm 2025", "12 Tháng 8 2025", "12 tháng 8, 2025". Days that do not
 * exist ("31/02/2024", a ratio) are no dates.
 */
final class PrintedDates {

    /**
     * A date in a text, and its time when printed with it in ISO form (in Vietnam's time).
     *
     * @param time null unless the date is an ISO date-time
     */
    record Found(LocalDate date, LocalTime time, int start, int end) {
    }

    private static final ZoneOffset VIETNAM = (ZoneOffset) VietnamTime.ZONE;
    private static final String YEAR = "((?:19|20)\\d{2})";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*" + YEAR + "(?!\\d)");
    private static final Pattern ISO = Pattern.compile(
            "(?<![\\d/.\\-])" + YEAR + "-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?(z|[+\\-]\\d{2}:?\\d{2})?)?(?![\\d\\-])");
    private static final Pattern IN_WORDS = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s*(?:,\\s*(?:nam\\s+)?|\\s+nam\\s+|\\s+)" + YEAR + "(?!\\d)");

    private PrintedDates() {
    }

    /** Every date of the text, in reading order. */
    static List<Found> all(String text) {
        String folded = VietnameseText.foldKeepingOffsets(text);
        List<Found> found = new ArrayList<>();
        collect(DAY_MONTH_YEAR.matcher(folded), 1, 2, 3, found);
        collect(IN_WORDS.matcher(folded), 1, 2, 3, found);
        Matcher iso = ISO.matcher(folded);
        while (iso.find()) {
            dateOf(iso.group(3), iso.group(2), iso.group(1)).ifPresent(date -> found.add(withTime(iso, date)));
        }
        found.sort(java.util.Comparator.comparingInt(Found::start));
        return found;
    }

    static Optional<Found> first(String text) {
        return all(text).stream().findFirst();
    }

    /** The latest date the text mentions: the event's, as the documents it cites ("Đề án số 11-ĐA/TU, ngày 06/12/2021") come before it. */
    static Optional<LocalDate> latest(String text) {
        return all(text).stream().map(Found::date).max(LocalDate::compareTo);
    }

    private static void collect(Matcher matcher, int day, int month, int year, List<Found> found) {
        while (matcher.find()) {
            int start = matcher.start();
            int end = matcher.end();
            dateOf(matcher.group(day), matcher.group(month), matcher.group(year))
                    .ifPresent(date -> found.add(new Found(date, null, start, end)));
        }
    }

    /** An ISO date-time is read in its own offset (Vietnam's when it has none) and given in Vietnam's time. */
    private static Found withTime(Matcher iso, LocalDate date) {
        if (iso.group(4) == null) {
            return new Found(date, null, iso.start(), iso.end());
        }
        try {
            LocalDateTime local = date.atTime(Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)),
                    iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)));
            ZoneOffset offset = iso.group(7) == null ? VIETNAM : ZoneOffset.of(iso.group(7).toUpperCase(java.util.Locale.ROOT));
            LocalDateTime inVietnam = OffsetDateTime.of(local, offset).atZoneSameInstant(VietnamTime.ZONE).toLocalDateTime();
            return new Found(inVietnam.toLocalDate(), inVietnam.toLocalTime(), iso.start(), iso.end());
        } catch (DateTimeException e) {
            return new Found(date, null, iso.start(), iso.end()); // "25:70" is no time; the day still is one
        }
    }

    private static Optional<LocalDate> dateOf(String day, String month, String year) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
