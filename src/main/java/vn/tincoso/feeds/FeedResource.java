package vn.tincoso.feeds;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.tincoso.articles.ArticleListParams;
import vn.tincoso.articles.ArticleSyndication;

/**
 * Every filter of GET /api/v1/articles as a feed at a URL of its own, for feed readers that cannot set
 * an Accept header: /api/v1/feeds/articles.atom?org=quan-hai-ba-trung&amp;directive=11-da-tu. Each URL answers its
 * format whatever the Accept header says (readers send application/xml, text/xml, text/html): no {@code @Produces}
 * here, the answer names its type and that type's writer renders it.
 */
@Path("/api/v1/feeds")
@Tag(name = "Feeds", description = "Nguồn tin: Atom, RSS và JSON Feed cho mọi bộ lọc bài viết")
public class FeedResource {

    private final FeedRenderer renderer;

    FeedResource(FeedRenderer renderer) {
        this.renderer = renderer;
    }

    @GET
    @Path("/articles.atom")
    @Operation(summary = "Atom 1.0 của bộ lọc bài viết", description = "Cùng tham số với GET /api/v1/articles.")
    @APIResponse(responseCode = "200", description = "Nguồn Atom: XML UTF-8, khai báo là byte (format: binary) để client sinh tự động trả nguyên văn bản thay vì đọc như JSON", content = @Content(mediaType = ArticleSyndication.ATOM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "Tham số không hợp lệ")
    public Response atom(@BeanParam ArticleListParams params, @Context UriInfo request) {
        return renderer.feed(params, request, MediaType.valueOf(ArticleSyndication.ATOM));
    }

    @GET
    @Path("/articles.rss")
    @Operation(summary = "RSS 2.0 của bộ lọc bài viết", description = "Cùng tham số với GET /api/v1/articles.")
    @APIResponse(responseCode = "200", description = "Nguồn RSS: XML UTF-8, khai báo là byte (format: binary) để client sinh tự động trả nguyên văn bản thay vì đọc như JSON", content = @Content(mediaType = ArticleSyndication.RSS, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "Tham số không hợp lệ")
    public Response rss(@BeanParam ArticleListParams params, @Context UriInfo request) {
        return renderer.feed(params, request, MediaType.valueOf(ArticleSyndication.RSS));
    }

    @GET
    @Path("/articles.json")
    @Operation(summary = "JSON Feed 1.1 của bộ lọc bài viết", description = "Cùng tham số với GET /api/v1/articles.")
    @APIResponse(responseCode = "200", description = "Nguồn JSON Feed",
            content = @Content(mediaType = ArticleSyndication.JSON_FEED, schema = @Schema(implementation = JsonFeed.class)))
    @APIResponse(responseCode = "400", description = "Tham số không hợp lệ")
    public Response jsonFeed(@BeanParam ArticleListParams params, @Context UriInfo request) {
        return renderer.feed(params, request, MediaType.valueOf(ArticleSyndication.JSON_FEED));
    }
}
