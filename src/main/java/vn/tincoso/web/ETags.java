package vn.tincoso.web;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Entity tags: a digest of the bytes served and their media type, so the same content has the same tag on
 * every instance. GET answers carry them ({@link HttpCaching}); writes compare If-Match with them.
 */
@ApplicationScoped
public class ETags {

    private final ObjectMapper mapper;

    ETags(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The tag a JSON body carries when it is served. */
    public String ofJson(Object body) {
        return of(bytes(body), utf8(MediaType.APPLICATION_JSON_TYPE));
    }

    /** A body as the bytes this API writes: strings as UTF-8, objects as JSON. */
    byte[] bytes(Object entity) {
        if (entity instanceof byte[] raw) {
            return raw;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return mapper.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The media type as this API writes it: UTF-8, said explicitly. */
    static MediaType utf8(MediaType type) {
        return type.withCharset(StandardCharsets.UTF_8.name());
    }

    static String of(byte[] body, MediaType type) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(type).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
