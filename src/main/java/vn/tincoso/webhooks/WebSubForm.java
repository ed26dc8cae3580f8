package vn.tincoso.webhooks;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscriber's request as the OpenAPI document shows it (WebSubResource reads the form's fields by name). */
@Schema(name = "WebSubRequest", description = "Yêu cầu tới hub (WebSub §5.1), dạng application/x-www-form-urlencoded",
        requiredProperties = {"hub.mode", "hub.topic", "hub.callback"})
public record WebSubForm(
        @Schema(name = "hub.mode", enumeration = {"subscribe", "unsubscribe"}) String mode,
        @Schema(name = "hub.topic", description = "Nguồn tin: …/api/v1/feeds/articles.atom, .rss hoặc .json với bộ lọc bất kỳ, "
                + "trang đầu (không cursor), ở đúng địa chỉ của yêu cầu này", maxLength = 4000,
                example = "https://tincoso.vn/api/v1/feeds/articles.atom?org=quan-hai-ba-trung&directive=11-da-tu") String topic,
        @Schema(name = "hub.callback", description = "Địa chỉ http(s) công khai nhận GET xác minh và POST nội dung",
                maxLength = WebhookTargets.MAX_URL_LENGTH, example = "https://portal.example.vn/websub/cb") String callback,
        @Schema(name = "hub.lease_seconds", type = SchemaType.INTEGER, minimum = "1",
                description = "Thời hạn mong muốn, giây; hub giữ trong khoảng 5 phút – 30 ngày (mặc định 10 ngày)") String leaseSeconds,
        @Schema(name = "hub.secret", description = "Khóa ký nội dung, dưới 200 byte: X-Hub-Signature: sha256=<hex HMAC-SHA256 của thân>")
        String secret) {
}
