package vn.tincoso.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What happened to an article, as one subscription sees it. */
public enum WebhookEventType {
    /** Now in the subscription's feed, and it had not been told of it. */
    PUBLISHED("article.published"),
    /** Changed while in the feed. */
    UPDATED("article.updated"),
    /** Left the feed: unpublished, moved to a unit outside the filter, or retagged. */
    UNPUBLISHED("article.unpublished"),
    /** Deleted while in the feed. */
    DELETED("article.deleted");

    private final String code;

    WebhookEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<WebhookEventType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
