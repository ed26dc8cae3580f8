package vn.tincoso.articles;

import java.util.Arrays;
import java.util.Optional;

/** Feed order. Ties on publication time are broken by id, so every order is total and pages never overlap. */
public enum ArticleSort {
    NEWEST("newest"),
    OLDEST("oldest"),
    /** Best full-text match first; only with q. */
    RELEVANCE("relevance");

    private final String code;

    ArticleSort(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ArticleSort> fromCode(String code) {
        return Arrays.stream(values()).filter(sort -> sort.code.equals(code)).findFirst();
    }
}
