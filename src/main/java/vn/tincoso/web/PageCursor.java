package vn.tincoso.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import vn.tincoso.config.VietnamTime;

/**
 * An opaque keyset position: the sort it was made for, a fingerprint of the query it belongs to, and the
 * last item served (its publication time, id and, for relevance order, its rank). Encoded as base64url
 * text so clients treat it as a token; any instance can decode it because it holds no server state.
 *
 * @param rank null unless the sort is by relevance
 */
public record PageCursor(String sort, String fingerprint, Instant publishedAt, long id, Float rank) {

    private static final String VERSION = "1";
    private static final String SEPARATOR = "|";
    private static final int MAX_ENCODED_LENGTH = 200;

    public String encode() {
        String plain = String.join(SEPARATOR, VERSION, sort, fingerprint,
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, publishedAt)), Long.toString(id),
                rank == null ? "" : Float.toString(rank));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidParameterException naming {@code parameter} when the text is not a cursor this API made */
    public static PageCursor decode(String parameter, String encoded) {
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw malformed(parameter);
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 6 || !VERSION.equals(parts[0])) {
                throw malformed(parameter);
            }
            Instant publishedAt = Instant.EPOCH.plus(Long.parseLong(parts[3]), ChronoUnit.MICROS);
            if (!VietnamTime.supported(publishedAt)) {
                throw malformed(parameter);
            }
            Float rank = parts[5].isEmpty() ? null : Float.valueOf(parts[5]);
            if (rank != null && !Float.isFinite(rank)) {
                throw malformed(parameter);
            }
            return new PageCursor(parts[1], parts[2], publishedAt, Long.parseLong(parts[4]), rank);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw malformed(parameter);
        }
    }

    private static InvalidParameterException malformed(String parameter) {
        return new InvalidParameterException(parameter, "không phải con trỏ trang do API cấp (hãy dùng nguyên giá trị 'next.cursor')");
    }
}
