package vn.tincoso.database;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with {@code :name} parameters (as Hibernate's native queries take them) prepared on a plain
 * JDBC connection: each name becomes {@code ?}, a collection as many as it has values (for {@code in (:ids)}). For
 * the hot read paths, which skip Hibernate's result mapping and read columns as they come (a card as its UTF-8
 * bytes, never decoded and encoded again).
 */
public final class NamedParameters {

    private static final Pattern NAME = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)");

    private NamedParameters() {
    }

    /** What prepares the positional SQL: a connection's prepareStatement, or Hibernate's (which counts it). */
    public interface Preparer {
        PreparedStatement prepare(String sql) throws SQLException;
    }

    public static PreparedStatement prepare(Preparer preparer, String sql, Map<String, Object> params) throws SQLException {
        Template template = TEMPLATES.computeIfAbsent(sql, NamedParameters::template);
        List<Object> values = new ArrayList<>();
        StringBuilder positional = new StringBuilder(sql.length() + 64).append(template.texts().get(0));
        for (int i = 0; i < template.names().size(); i++) {
            String name = template.names().get(i);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            Object value = params.get(name);
            if (value instanceof Collection<?> collection) {
                if (collection.isEmpty()) {
                    throw new IllegalArgumentException(":" + name + " is empty");
                }
                positional.append(String.join(", ", java.util.Collections.nCopies(collection.size(), "?")));
                values.addAll(collection);
            } else {
                positional.append('?');
                values.add(value);
            }
            positional.append(template.texts().get(i + 1));
        }
        PreparedStatement statement = preparer.prepare(positional.toString());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            statement.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
        }
        return statement;
    }

    /** A statement cut at its parameters: texts.size() is names.size() + 1. */
    private record Template(List<String> texts, List<String> names) {
    }

    /** The statements' shapes are few (one per combination of filters), so each is cut once. */
    private static final Map<String, Template> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Template template(String sql) {
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher matcher = NAME.matcher(sql);
        int at = 0;
        while (matcher.find()) {
            texts.add(sql.substring(at, matcher.start()));
            names.add(matcher.group(1));
            at = matcher.end();
        }
        texts.add(sql.substring(at));
        return new Template(List.copyOf(texts), List.copyOf(names));
    }
}
