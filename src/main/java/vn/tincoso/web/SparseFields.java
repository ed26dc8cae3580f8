package vn.tincoso.web;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** fields=: each item keeps only the requested properties, and always its id. */
@ApplicationScoped
public class SparseFields {

    private static final String ID = "id";

    private final ObjectMapper mapper;

    SparseFields(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The items unchanged when no field was named, otherwise each reduced to the named fields. */
    public List<?> select(List<?> items, Set<String> fields) {
        if (fields.isEmpty()) {
            return items;
        }
        return items.stream().map(item -> {
            ObjectNode node = mapper.valueToTree(item);
            node.retain(fields.contains(ID) ? fields : union(fields));
            return node;
        }).toList();
    }

    private static Set<String> union(Set<String> fields) {
        Set<String> withId = new java.util.LinkedHashSet<>();
        withId.add(ID);
        withId.addAll(fields);
        return withId;
    }
}
