package vn.tincoso.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Portals print local time in Hà Nội; the API prints every timestamp in whole seconds with its +07:00 offset. */
public final class VietnamTime {

    /**
     * Vietnam's offset, fixed: the zone's history (+07:06:40 local mean time before 1906, +08:00 in some years) would
     * print odd offsets for old dates, and the API promises +07:00 everywhere.
     */
    public static final ZoneId ZONE = java.time.ZoneOffset.ofHours(7);

    /**
     * The instants the API accepts anywhere (parameters, bodies, cursors): ISO 8601's four-digit years, which every
     * client can print and PostgreSQL's timestamptz (4713 BC to 294276 AD) stores.
     */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String RANGE = "từ năm 0001 đến năm 9999";

    private VietnamTime() {
    }

    /** The earliest publication time an article may have: no portal published before 1900, and older calendars differ. */
    public static final Instant EARLIEST_PUBLICATION = Instant.parse("1900-01-01T00:00:00Z");

    public static boolean supported(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /**
     * An instant as the API prints it: whole seconds, +07:00 ("2024-06-03T14:35:00+07:00"). One precision everywhere
     * (JSON, feeds, Last-Modified), which every client's parser reads; what is stored keeps its microseconds.
     */
    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE).toOffsetDateTime();
    }
}
