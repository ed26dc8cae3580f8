package vn.tincoso.articles;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a revision did to its article, as the revisions list names it. */
public enum RevisionAction {
    /** Written by an editor through POST /articles. */
    CREATED,
    /** Created from raw text by an import (or the demo content). */
    IMPORTED,
    /** Replaced or patched by an editor. */
    UPDATED,
    /** The same text or source URL imported again. */
    REIMPORTED,
    PUBLISHED,
    SCHEDULED,
    UNPUBLISHED,
    /** An article that needed review was given its unit. */
    PLACED,
    DELETED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
