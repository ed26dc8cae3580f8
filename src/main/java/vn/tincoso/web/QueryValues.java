package vn.tincoso.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reading query parameters as JAX-RS bound them. A single-valued parameter given twice never reaches these: the
 * {@link QueryParameterGuard} refuses it first, so a value here is the only one the client sent.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** The value stripped, empty when absent or blank. */
    public static Optional<String> given(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    /** Every value of a repeatable parameter, comma-separated lists split, blanks dropped. */
    public static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }

    /** The constants a repeatable parameter names by their codes; a 400 naming the parameter for an unknown code. */
    public static <E extends Enum<E>> Set<E> codes(String name, List<String> values, Class<E> type, Function<E, String> codeOf) {
        Map<String, E> byCode = EnumSet.allOf(type).stream().collect(Collectors.toMap(codeOf, Function.identity(),
                (first, second) -> first, LinkedHashMap::new));
        Set<E> codes = EnumSet.noneOf(type);
        for (String code : split(values)) {
            E constant = byCode.get(code);
            if (constant == null) {
                throw new InvalidParameterException(name, "không có '" + code + "' (chỉ " + String.join(", ", byCode.keySet()) + ")");
            }
            codes.add(constant);
        }
        return codes;
    }

    public static int intInRange(String name, String value, int defaultValue, int min, int max) {
        Optional<String> given = given(value);
        if (given.isEmpty()) {
            return defaultValue;
        }
        // ASCII digits only: Integer.parseInt also takes other scripts' digits ("١٢", "１２"), which no client means.
        if (given.get().matches("-?[0-9]{1,9}")) {
            int number = Integer.parseInt(given.get());
            if (number >= min && number <= max) {
                return number;
            }
        }
        throw new InvalidParameterException(name, "phải là số nguyên từ " + min + " đến " + max);
    }
}
