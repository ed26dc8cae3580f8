package vn.tincoso.articles;

/** Only published articles are ever visible to the read API. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED,
    /** Published by the scheduler at its published_at; invisible until then. */
    SCHEDULED;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements jakarta.persistence.AttributeConverter<ArticleStatus, String> {
        @Override
        public String convertToDatabaseColumn(ArticleStatus status) {
            return status == null ? null : status.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public ArticleStatus convertToEntityAttribute(String value) {
            return value == null ? null : valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
