package vn.tincoso.webhooks;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the API shows it; the secret only in the answer that created or changed it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        long id,
        String url,
        List<String> events,
        WebhookFilter filter,
        @Schema(enumeration = {"active", "paused", "disabled"}) String state,
        @Schema(description = "Vì sao bị tắt (vd. máy nhận trả 410 Gone)") String disabledReason,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Khóa ký; chỉ có trong câu trả lời tạo hoặc đổi khóa") String secret) {
}
