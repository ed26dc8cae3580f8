package vn.tincoso.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Entity tags: a digest of the bytes served and their media type, so the same content has the same tag on
 * every instance. GET answers carry them ({@link HttpCaching}); writes compare If-Match with them.
 */
@ApplicationScoped
public class ETags {

    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    private final ObjectMapper mapper;
    private final Providers providers;

    ETags(ObjectMapper mapper, Providers providers) {
        this.mapper = mapper;
        this.providers = providers;
    }

    /** The tag a JSON body carries when it is served. */
    public String ofJson(Object body) {
        return of(json(body), utf8(MediaType.APPLICATION_JSON_TYPE));
    }

    /**
     * A body as the bytes this API writes in {@code type}: strings as UTF-8, JSON by the application's Jackson (as
     * {@link #ofJson} does), anything else by the body writer JAX-RS has for that type (the feed formats).
     */
    byte[] bytes(Object entity, MediaType type) {
        if (entity instanceof byte[] raw) {
            return raw;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return json(entity);
        }
        @SuppressWarnings("unchecked")
        MessageBodyWriter<Object> writer = (MessageBodyWriter<Object>) providers.getMessageBodyWriter(entity.getClass(),
                entity.getClass(), NO_ANNOTATIONS, type);
        if (writer == null) {
            throw new IllegalStateException("no body writer for " + entity.getClass().getName() + " as " + type);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.writeTo(entity, entity.getClass(), entity.getClass(), NO_ANNOTATIONS, type, new MultivaluedHashMap<>(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] json(Object entity) {
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
