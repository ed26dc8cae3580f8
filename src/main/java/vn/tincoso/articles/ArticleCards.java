package vn.tincoso.articles;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An article's feed item rendered once, when it is written, and spliced into every page that lists it (V14): the
 * card is the JSON of its {@link ArticleSummary} without {@code id}, {@code url} and {@code snippet}, which a page
 * adds — the id from the row, the url on the address of the request, the snippet of the query. Same mapper as the
 * REST layer, so a spliced item is the item Jackson would have written, property for property.
 */
@ApplicationScoped
public class ArticleCards {

    private static final String[] SPLICED = {"id", "url", "snippet"};

    private final ObjectMapper mapper;

    ArticleCards(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The card of this item: its JSON object without the spliced properties. */
    String render(ArticleSummary item) {
        ObjectNode card = mapper.valueToTree(item);
        for (String property : SPLICED) {
            card.remove(property);
        }
        return write(card);
    }

    /**
     * The articles' URLs of one page: the JSON string of the address every slug is appended to, written once. A slug
     * is ASCII letters, digits and dashes (article_slug_check), which JSON writes as they are, so the item's url is
     * the bytes Jackson would write for the whole URL.
     */
    record Urls(byte[] openedPrefix) {
    }

    Urls urls(URI prefix) {
        String json = write(prefix.toString());
        return new Urls((",\"url\":" + json.substring(0, json.length() - 1)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The feed item of a stored card, as UTF-8: {@code {"id":…, <card>, "url":…, "snippet":…}}, snippet only with q.
     * The card's bytes are copied as stored.
     */
    byte[] item(long id, byte[] card, Urls urls, String slug, String snippet) {
        ByteArrayOutputStream item = new ByteArrayOutputStream(card.length + 200);
        item.writeBytes(("{\"id\":" + id).getBytes(StandardCharsets.US_ASCII));
        if (card.length > 2) {
            item.write(',');
            item.write(card, 1, card.length - 2);
        }
        item.writeBytes(urls.openedPrefix());
        item.writeBytes((slug + "\"").getBytes(StandardCharsets.US_ASCII));
        if (snippet != null) {
            item.writeBytes((",\"snippet\":" + write(snippet)).getBytes(StandardCharsets.UTF_8));
        }
        item.write('}');
        return item.toByteArray();
    }

    /** Any value as JSON, as the REST layer writes it. */
    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
