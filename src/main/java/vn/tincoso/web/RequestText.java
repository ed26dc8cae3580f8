package vn.tincoso.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.ws.rs.core.MediaType;

/**
 * A text body, decoded strictly in the charset its Content-Type declares (UTF-8 when it declares none): bytes that are
 * not text in that charset are a 400 naming the body, never replaced by U+FFFD and stored as if sent.
 */
public final class RequestText {

    private RequestText() {
    }

    /** @param field how the answer names the body: "" for the whole body, "/text" for an import's text */
    public static String decode(byte[] body, MediaType type, String field) {
        Charset charset = charset(type, field);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidBodyException(field, "không phải văn bản " + charset.name() + " hợp lệ");
        }
    }

    private static Charset charset(MediaType type, String field) {
        String declared = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (declared == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidBodyException(field, "bảng mã '" + declared + "' không được hỗ trợ");
        }
    }
}
