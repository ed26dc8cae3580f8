package vn.tincoso.web;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

/** Reading raw query parameters strictly: a single-valued parameter given twice is an error, not a guess. */
public final class QueryParameters {

    private final MultivaluedMap<String, String> raw;

    public QueryParameters(MultivaluedMap<String, String> raw) {
        this.raw = raw;
    }

    /** The parameter's one value, empty when absent or blank. */
    public Optional<String> single(String name) {
        List<String> values = raw.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new InvalidParameterException(name, "chỉ được dùng một lần");
        }
        String value = values.get(0).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Every value of a repeatable parameter, comma-separated lists split, blanks dropped. */
    public List<String> all(String name) {
        List<String> values = raw.get(name);
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }

    public int intInRange(String name, int defaultValue, int min, int max) {
        Optional<String> value = single(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range
        }
        throw new InvalidParameterException(name, "phải là số nguyên từ " + min + " đến " + max);
    }
}
