package vn.tincoso.feeds;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.tincoso.articles.ArticleSyndication;

/** JSON Feed 1.1: the article feed mapped to {@link JsonFeed}, written by the application's Jackson. */
@Provider
@Produces(ArticleSyndication.JSON_FEED)
public class JsonFeedBodyWriter implements MessageBodyWriter<ArticleFeed> {

    private final ObjectMapper mapper;

    public JsonFeedBodyWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType media) {
        return ArticleFeed.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(ArticleFeed feed, Class<?> type, Type genericType, Annotation[] annotations, MediaType media,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        // Written as bytes: ObjectMapper.writeValue would close the response stream.
        out.write(mapper.writeValueAsBytes(JsonFeed.of(feed)));
    }
}
