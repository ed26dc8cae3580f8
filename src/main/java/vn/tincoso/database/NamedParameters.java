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
        List<Object> values = new ArrayList<>();
        Matcher names = NAME.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (names.find()) {
            String name = names.group(1);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            Object value = params.get(name);
            String marks = "?";
            if (value instanceof Collection<?> collection) {
                if (collection.isEmpty()) {
                    throw new IllegalArgumentException(":" + name + " is empty");
                }
                marks = String.join(", ", java.util.Collections.nCopies(collection.size(), "?"));
                values.addAll(collection);
            } else {
                values.add(value);
            }
            names.appendReplacement(positional, marks);
        }
        names.appendTail(positional);
        PreparedStatement statement = preparer.prepare(positional.toString());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            statement.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
        }
        return statement;
    }
}
