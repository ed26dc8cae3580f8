package vn.tincoso.articles;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


import io.quarkus.security.identity.SecurityIdentity;

import vn.tincoso.auth.Roles;
import vn.tincoso.web.Negotiation;
import vn.tincoso.web.NextPage;
import vn.tincoso.web.Page;
import vn.tincoso.web.PageLinks;
import vn.tincoso.web.RequestText;
import vn.tincoso.web.ResourceNotFoundException;
import vn.tincoso.web.SparseFields;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Bài viết: Tin bài đã đăng, lọc theo đơn vị, cấp, văn bản, thời gian và nội dung")
public class ArticleResource {

    private final ArticleService articles;
    private final PageLinks links;
    private final SparseFields sparseFields;
    private final ArticleSyndication feeds;
    private final EditorialService editorial;
    private final SecurityIdentity identity;
    private final ArticleCards cards;

    ArticleResource(ArticleService articles, PageLinks links, SparseFields sparseFields, ArticleSyndication feeds,
            EditorialService editorial, SecurityIdentity identity, ArticleCards cards) {
        this.articles = articles;
        this.links = links;
        this.sparseFields = sparseFields;
        this.feeds = feeds;
        this.editorial = editorial;
        this.identity = identity;
        this.cards = cards;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ArticleSyndication.ATOM, ArticleSyndication.RSS, ArticleSyndication.JSON_FEED})
    @Operation(summary = "Danh sách bài đã đăng",
            description = "Mọi bộ lọc kết hợp được với nhau. Phân trang bằng con trỏ: trang sau lấy từ next "
                    + "(hoặc header Link rel=\"next\"); bài mới đăng trong lúc đang lật trang không làm lặp hay sót bài. "
                    + "Với Accept: application/atom+xml, application/rss+xml hoặc application/feed+json, cùng URL trả về "
                    + "nguồn tin ở định dạng đó (như /api/v1/feeds/articles.atom|.rss|.json).")
    @APIResponse(responseCode = "200", description = "Một trang bài viết",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleList.class)),
                    @Content(mediaType = ArticleSyndication.ATOM, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = ArticleSyndication.RSS, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = ArticleSyndication.JSON_FEED, schema = @Schema(ref = "JsonFeed"))})
    @APIResponse(responseCode = "400", description = "Tham số không hợp lệ; errors[].field nêu tên tham số")
    public Response list(@BeanParam ArticleListParams params, @Context UriInfo request, @Context HttpHeaders headers,
            @Context ResourceInfo resource) {
        MediaType format = Negotiation.preferred(headers, resource);
        if (!format.equals(MediaType.APPLICATION_JSON_TYPE)) {
            return feeds.feed(params, request, format);
        }
        ArticleQuery query = params.toQuery();
        if (query.fields().isEmpty()) {
            return fromCards(query, request);
        }
        Page<ArticleSummary> page = articles.list(query);
        NextPage next = links.next(request, page.next(), ArticleListParams.NAMES);
        ArticleList body = new ArticleList(sparseFields.select(page.items(), query.fields()), next);
        Response.ResponseBuilder response = Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        page.items().stream().map(ArticleSummary::updatedAt).max(Comparator.naturalOrder())
                .ifPresent(updated -> response.lastModified(Date.from(updated.toInstant())));
        return links.withLink(response, next).build();
    }

    /**
     * The JSON list spliced from the articles' stored cards ({@link ArticleService#listJson}): the same document
     * Jackson would write of an {@link ArticleList}, without an entity loaded or an item serialised.
     */
    private Response fromCards(ArticleQuery query, UriInfo request) {
        ArticleService.JsonPage page = articles.listJson(query);
        NextPage next = links.next(request, page.next(), ArticleListParams.NAMES);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(page.items().size() * 2000 + 200);
        body.writeBytes("{\"items\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < page.items().size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(page.items().get(i));
        }
        body.write(']');
        if (next != null) {
            body.writeBytes((",\"next\":" + cards.write(next)).getBytes(StandardCharsets.UTF_8));
        }
        body.write('}');
        Response.ResponseBuilder response = Response.ok(body.toByteArray(), MediaType.APPLICATION_JSON_TYPE);
        if (page.lastModified() != null) {
            response.lastModified(Date.from(page.lastModified().truncatedTo(ChronoUnit.SECONDS)));
        }
        return links.withLink(response, next).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Một bài viết đầy đủ",
            description = "Kèm chuỗi đơn vị (phường → quận → thành phố) và các văn bản bài viết thực hiện.")
    @APIResponse(responseCode = "200", description = "Bài viết",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "Không có bài đã đăng với id hay slug này")
    public Response get(
            @Parameter(description = "Id số hoặc slug của bài", example = "quan-uy-hai-ba-trung-to-chuc-so-ket-03-nam-thuc-hien-de-an-so-11-da-tu-ngay-06")
            @PathParam("id") String idOrSlug) {
        Optional<ArticleView> published = articles.find(idOrSlug);
        if (published.isEmpty() && !identity.isAnonymous() && idOrSlug.matches("\\d{1,18}")) {
            // Its editors also see it as a draft.
            return written(Response.ok(), editorial.read(Long.parseLong(idOrSlug)));
        }
        ArticleView article = published
                .orElseThrow(() -> new ResourceNotFoundException("Không có bài viết '" + idOrSlug + "'."));
        return Response.ok(article, MediaType.APPLICATION_JSON_TYPE).lastModified(Date.from(article.updatedAt().toInstant())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "409", description = "Đã có một bài khác với địa chỉ nguồn (sourceUrl) này")
    @Operation(summary = "Viết bài mới (bản nháp)", description = "Biên tập viên chỉ viết cho đơn vị mình và các đơn vị trực thuộc.")
    @APIResponse(responseCode = "201", description = "Đã tạo; ETag dùng cho If-Match lần sửa sau",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", description = "Mọi trường không hợp lệ được liệt kê trong errors[]")
    @APIResponse(responseCode = "401", description = "Thiếu mã truy cập")
    @APIResponse(responseCode = "403", description = "Ngoài đơn vị được phép")
    public Response create(@Valid @NotNull ArticleInput body) {
        EditorialService.Written written = editorial.create(body);
        return written(Response.created(articles.publicUrl(String.valueOf(written.article().id()))), written);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "409", description = "Đã có một bài khác với địa chỉ nguồn (sourceUrl) này")
    @Operation(summary = "Thay toàn bộ nội dung bài", description = "Cần If-Match: 428 khi thiếu, 412 khi bài đã đổi.")
    @APIResponse(responseCode = "200", description = "Đã sửa",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    public Response replace(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ArticleInput body) {
        return written(Response.ok(), editorial.replace(id, ifMatch, body));
    }

    @PATCH
    @Path("/{id}")
    @Consumes("application/merge-patch+json")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "409", description = "Đã có một bài khác với địa chỉ nguồn (sourceUrl) này")
    @Operation(summary = "Sửa một phần (JSON Merge Patch, RFC 7396)", description = "Cần If-Match.")
    @APIResponse(responseCode = "200", description = "Đã sửa",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @RequestBody(description = "Các trường cần đổi của ArticleInput; null xóa trường không bắt buộc",
            content = @Content(mediaType = "application/merge-patch+json", schema = @Schema(type = SchemaType.OBJECT)))
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, byte[] body, @Context HttpHeaders headers) {
        return written(Response.ok(), editorial.patch(id, ifMatch, RequestText.decode(body, headers.getMediaType(), "")));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Đăng bài", description = "Cần If-Match.")
    @APIResponse(responseCode = "200", description = "Đã đăng",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    public Response publish(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return written(Response.ok(), editorial.publish(id, ifMatch));
    }

    @POST
    @Path("/{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Hẹn giờ đăng bài", description = "Thân: {\"publishAt\": \"2026-12-01T08:00:00+07:00\"}. Trước giờ đó bài không hiện ở "
            + "bất kỳ chỗ đọc công khai nào. Cần If-Match.")
    @APIResponse(responseCode = "200", description = "Đã hẹn giờ",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    public Response schedule(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Schedule body) {
        return written(Response.ok(), editorial.schedule(id, ifMatch, body.publishAt() == null ? null : body.publishAt().toInstant()));
    }

    /** The body of POST /articles/{id}/schedule. */
    public record Schedule(@NotNull @Schema(example = "2026-12-01T08:00:00+07:00") java.time.OffsetDateTime publishAt) {
    }

    @POST
    @Path("/{id}/unpublish")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Thôi đăng bài", description = "Cần If-Match.")
    @APIResponse(responseCode = "200", description = "Đã thôi đăng",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    public Response unpublish(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return written(Response.ok(), editorial.unpublish(id, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Xóa bài", description = "Cần If-Match. Đồng bộ (changes) báo bài đã xóa.")
    @APIResponse(responseCode = "204", description = "Đã xóa")
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        editorial.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Lịch sử sửa đổi của bài", description = "Ai, khi nào, sửa gì.")
    @APIResponse(responseCode = "200", description = "Các bản sửa đổi, cũ trước",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RevisionView.class)))
    public List<RevisionView> revisions(@Parameter(example = "1") @PathParam("id") long id) {
        return editorial.revisions(id);
    }

    private static Response written(Response.ResponseBuilder response, EditorialService.Written written) {
        return response.entity(written.article()).type(MediaType.APPLICATION_JSON_TYPE).header("ETag", written.etag()).build();
    }
}
