package vn.tincoso.articles;

/** Only published articles are ever visible to the read API. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED,
    /** Published by the scheduler at its published_at; invisible until then. */
    SCHEDULED,
    /** Imported, but its unit could not be placed: waits, never public, for someone to place it (GET /review). */
    NEEDS_REVIEW;

    /** As the API and the database write it: "draft", "needs-review". */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements jakarta.persistence.AttributeConverter<ArticleStatus, String> {
        @Override
        public String convertToDatabaseColumn(ArticleStatus status) {
            return status == null ? null : status.code();
        }

        @Override
        public ArticleStatus convertToEntityAttribute(String value) {
            return value == null ? null : valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }
}
