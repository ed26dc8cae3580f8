package vn.tincoso.articles;

/** Only published articles are ever visible to the read API. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED,
    /** Published by the scheduler at its published_at; invisible until then. */
    SCHEDULED;

    /** As the API and the database write it. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements jakarta.persistence.AttributeConverter<ArticleStatus, String> {
        @Override
        public String convertToDatabaseColumn(ArticleStatus status) {
            return status == null ? null : status.code();
        }

        @Override
        public ArticleStatus convertToEntityAttribute(String value) {
            return value == null ? null : valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
