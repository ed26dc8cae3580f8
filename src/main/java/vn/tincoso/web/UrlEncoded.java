package vn.tincoso.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * application/x-www-form-urlencoded read strictly, for a form body or a query string read outside a request (a
 * WebSub topic): each pair split at its first '=' (so a value may hold '='), '+' a space, every %XX an octet, the
 * octets UTF-8 that must be text — a malformed escape, bytes that are not UTF-8 or a control character is an error
 * naming the field, never a U+FFFD or a guess.
 */
public final class UrlEncoded {

    private UrlEncoded() {
    }

    /**
     * The values by name, in order. {@code error} makes the exception for a field (its name, or "" when the name
     * itself is unreadable) and a reason.
     */
    public static Map<String, List<String>> parse(String raw, BiFunction<String, String, ApiException> error) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals), "", error);
            String value = equals < 0 ? "" : decoded(pair.substring(equals + 1), name, error);
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String decoded(String part, String field, BiFunction<String, String, ApiException> error) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                int high = i + 2 < part.length() ? Character.digit(part.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(part.charAt(i + 2), 16);
                if (low < 0) {
                    throw error.apply(field, "có mã % không đọc được (phải là %XX, hai chữ số hex)");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw error.apply(field, "không phải văn bản UTF-8 hợp lệ");
        }
        if (text.chars().anyMatch(ch -> ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0xFFFE || ch == 0xFFFF)) {
            throw error.apply(field, "chứa ký tự điều khiển hoặc không phải ký tự (U+0001–U+001F, U+FFFE, U+FFFF)");
        }
        return text;
    }
}
