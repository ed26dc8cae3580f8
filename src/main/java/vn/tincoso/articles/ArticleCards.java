package vn.tincoso.articles;

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

    /** The feed item of a stored card: {@code {"id":…, <card>, "url":…, "snippet":…}}, snippet only with q. */
    String item(long id, String card, URI url, String snippet) {
        StringBuilder item = new StringBuilder(card.length() + 160).append("{\"id\":").append(id);
        if (card.length() > 2) {
            item.append(',').append(card, 1, card.length() - 1);
        }
        item.append(",\"url\":").append(write(url.toString()));
        if (snippet != null) {
            item.append(",\"snippet\":").append(write(snippet));
        }
        return item.append('}').toString();
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
