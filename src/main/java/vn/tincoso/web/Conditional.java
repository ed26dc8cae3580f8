package vn.tincoso.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Conditional GET (RFC 9110 §13): whether what the client holds is still what would be sent. */
final class Conditional {

    private Conditional() {
    }

    /** If-None-Match decides when present (RFC 9110 §13.2.2); If-Modified-Since only without it. */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            return ifNoneMatch.strip().equals("*") || List.of(ifNoneMatch.split(",")).stream()
                    .map(String::strip).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(etag::equals);
        }
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            long since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().getEpochSecond();
            return lastModified.getEpochSecond() <= since;
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as RFC 9110 asks
        }
    }
}
