package vn.tincoso.ingest;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of one imported item; with dryRun, what would have. */
public enum ImportStatus {
    /** A new article was stored. */
    CREATED,
    /** The same text or source URL was imported before: that article was updated. */
    UPDATED,
    /** Stored, but its unit could not be placed: a draft that waits for review (GET /api/v1/review), never public. */
    NEEDS_REVIEW,
    /** The item cannot become an article as it is (the field and reason say why); sending it again changes nothing. */
    REJECTED,
    /** Concurrent writes kept colliding; nothing was stored, and sending it again will work. */
    CONFLICT,
    /** The server could not store it (the database was away); nothing was stored, send it again. */
    FAILED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether an article was (or, in a dry run, would be) stored. */
    public boolean stored() {
        return this == CREATED || this == UPDATED || this == NEEDS_REVIEW;
    }
}
