package vn.tincoso.webhooks;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.tincoso.articles.ArticleSummary;

/** What a receiver is sent (for the OpenAPI document: the body is written by WebhookFanout). */
@Schema(description = "Thân một sự kiện webhook (Standard Webhooks: type, timestamp, data)")
public record WebhookPayload(
        @Schema(enumeration = {"article.published", "article.updated", "article.unpublished", "article.deleted"}) String type,
        @Schema(description = "Thời điểm sự kiện được ghi (giờ Hà Nội)") OffsetDateTime timestamp,
        @Schema(description = "Bài như một mục của GET /api/v1/articles (published, updated); chỉ {\"id\"} khi bài đã rời "
                + "nguồn tin (unpublished, deleted)") ArticleSummary data) {
}
