package vn.tincoso.feeds;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import vn.tincoso.web.InvalidParameterException;

/**
 * A client's position in the change stream of one filter: the last change it has (transaction id and
 * sequence number), the horizon its first sync started from (changes before it that no longer match are
 * not reported as deletions: that client never had them), and the filter's fingerprint. Opaque to
 * clients; valid on every instance.
 */
public record SyncToken(long afterXid, long afterSeq, long initialHorizon, String fingerprint) {

    private static final String VERSION = "s1";

    public String encode() {
        String plain = String.join("|", VERSION, Long.toString(afterXid), Long.toString(afterSeq),
                Long.toString(initialHorizon), fingerprint);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidParameterException naming {@code parameter} when the text is not a token this API made */
    public static SyncToken decode(String parameter, String encoded) {
        try {
            if (encoded.length() > 200) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("not a token");
            }
            SyncToken token = new SyncToken(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]), parts[4]);
            if (token.afterXid < 0 || token.afterSeq < 0 || token.initialHorizon < 0) {
                throw new IllegalArgumentException("negative");
            }
            return token;
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "không phải mã đồng bộ do API cấp (hãy dùng nguyên giá trị 'next')");
        }
    }
}
