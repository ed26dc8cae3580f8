package vn.tincoso.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery of an event to one subscription, and how its attempts went. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
        @Schema(description = "webhook-id của thông điệp (giống nhau qua mọi lần gửi lại)", example = "msg_1042") String id,
        @Schema(enumeration = {"article.published", "article.updated", "article.unpublished", "article.deleted"}) String event,
        long articleId,
        @Schema(enumeration = {"pending", "sending", "delivered", "dead"}) String status,
        int attempts,
        OffsetDateTime createdAt,
        OffsetDateTime lastAttemptAt,
        @Schema(description = "Mã HTTP của lần gửi gần nhất; trống nếu không nhận được trả lời") Integer lastStatusCode,
        String lastError,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime deliveredAt) {
}
