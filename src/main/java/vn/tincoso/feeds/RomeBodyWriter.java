package vn.tincoso.feeds;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

/** An article feed written by ROME in one of its formats; JAX-RS picks the writer whose {@code @Produces} was negotiated. */
abstract class RomeBodyWriter implements MessageBodyWriter<ArticleFeed> {

    private final String romeType;
    private final String mediaType;

    /** @param romeType ROME's name of the format ("atom_1.0") */
    RomeBodyWriter(String romeType, String mediaType) {
        this.romeType = romeType;
        this.mediaType = mediaType;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType media) {
        return ArticleFeed.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(ArticleFeed feed, Class<?> type, Type genericType, Annotation[] annotations, MediaType media,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(RomeFeedWriter.write(feed, romeType, mediaType).getBytes(StandardCharsets.UTF_8));
    }
}
