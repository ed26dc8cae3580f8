package vn.tincoso.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Portals print local time in Hà Nội; the API prints every timestamp with its +07:00 offset. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
