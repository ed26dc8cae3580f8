package vn.tincoso.ingest;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of one imported item; with dryRun, what would have. */
public enum ImportStatus {
    /** A new article was stored. */
    CREATED,
    /** The same text or source URL was imported before: that article was updated. */
    UPDATED,
    /** The item cannot become an article as it is (the field and reason say why); sending it again changes nothing. */
    REJECTED,
    /** Concurrent writes kept colliding; nothing was stored, and sending it again will work. */
    CONFLICT,
    /** The server could not store it (the database was away); nothing was stored, send it again. */
    FAILED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an article was (or, in a dry run, would be) stored. */
    public boolean stored() {
        return this == CREATED || this == UPDATED;
    }
}
