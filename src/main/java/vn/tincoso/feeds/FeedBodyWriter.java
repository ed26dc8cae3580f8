package vn.tincoso.feeds;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

/**
 * An article feed in one syndication format. Each format is a subclass with its own {@code @Produces}: JAX-RS
 * picks the one whose media type was negotiated (or that the feed URL names).
 */
abstract class FeedBodyWriter implements MessageBodyWriter<ArticleFeed> {

    /** The whole document, UTF-8. */
    abstract byte[] render(ArticleFeed feed) throws IOException;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType media) {
        return ArticleFeed.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(ArticleFeed feed, Class<?> type, Type genericType, Annotation[] annotations, MediaType media,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(render(feed));
    }
}
