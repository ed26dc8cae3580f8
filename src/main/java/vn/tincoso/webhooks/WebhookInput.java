package vn.tincoso.webhooks;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription as a client writes it. On creation {@code url} is required; the rest has defaults (every event, no
 * filter, a generated secret). On change (PATCH) an absent field stays as it is.
 */
public record WebhookInput(
        @Schema(description = "Địa chỉ http(s) nhận sự kiện (POST), công khai trên Internet",
                example = "https://cong-thong-tin.phuong-bach-khoa.vn/hooks/tincoso")
        @Size(max = WebhookTargets.MAX_URL_LENGTH) String url,
        @Schema(description = "Khóa ký theo Standard Webhooks (whsec_ + base64 của 24–64 byte); bỏ trống để máy chủ sinh. "
                + "Chỉ trả về một lần, khi tạo hoặc đổi.") @Size(max = 200) String secret,
        @Schema(description = "Các sự kiện muốn nhận, trong article.published, article.updated, article.unpublished, "
                + "article.deleted; mặc định cả bốn", example = "[\"article.published\", \"article.unpublished\"]")
        @Size(min = 1, max = 4) List<@NotBlank String> events,
        @Valid WebhookFilter filter,
        @Schema(description = "Tạm dừng (paused) hoặc chạy lại (active); trong khi dừng, sự kiện vẫn được ghi và gửi khi chạy lại",
                enumeration = {"active", "paused"}) String state) {
}
