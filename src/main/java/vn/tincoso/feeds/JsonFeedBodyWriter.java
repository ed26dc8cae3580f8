package vn.tincoso.feeds;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.tincoso.articles.ArticleSyndication;

/** JSON Feed 1.1: the article feed mapped to {@link JsonFeed}, written by the application's Jackson. */
@Provider
@Produces(ArticleSyndication.JSON_FEED)
public class JsonFeedBodyWriter extends FeedBodyWriter {

    private final ObjectMapper mapper;

    public JsonFeedBodyWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    byte[] render(ArticleFeed feed) throws JsonProcessingException {
        return mapper.writeValueAsBytes(JsonFeed.of(feed));
    }
}
