package vn.tincoso.directives;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.tincoso.text.VietnameseText;
import vn.tincoso.web.InvalidParameterException;
import vn.tincoso.web.QueryValues;

/**
 * A closed list of codes (document types, issuing bodies), looked up in any case and spelling without
 * diacritics: "da", "DA" and "ĐA" all find the term whose canonical code is "ĐA".
 */
final class Vocabulary<T extends Vocabulary.Term> {

    /** One entry: its canonical code ("ĐA") and Vietnamese name ("Đề án"). */
    interface Term {
        String code();

        String label();
    }

    private final Map<String, T> byFoldedCode;
    private final String name;

    /** @param name what a term is called in messages to API users ("loại văn bản") */
    Vocabulary(T[] terms, String name) {
        this.byFoldedCode = Arrays.stream(terms)
                .collect(Collectors.toMap(term -> VietnameseText.fold(term.code()), Function.identity()));
        this.name = name;
    }

    Optional<T> find(String code) {
        return Optional.ofNullable(byFoldedCode.get(VietnameseText.fold(code.strip())));
    }

    /** The value of an optional query parameter; null when absent, a 400 naming the parameter when unknown. */
    T fromParameter(String parameter, String value) {
        return QueryValues.given(value).map(code -> find(code).orElseThrow(() ->
                new InvalidParameterException(parameter, "không có " + name + " '" + code + "'"))).orElse(null);
    }
}
