package vn.tincoso.articles;

import java.util.Comparator;
import java.util.Date;
import java.util.Optional;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.tincoso.feeds.FeedFormat;
import vn.tincoso.feeds.FeedRenderer;
import vn.tincoso.web.NextPage;
import vn.tincoso.web.Page;
import vn.tincoso.web.PageLinks;
import vn.tincoso.web.Problem;
import vn.tincoso.web.ResourceNotFoundException;
import vn.tincoso.web.SparseFields;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bài viết", description = "Tin bài đã đăng, lọc theo đơn vị, cấp, văn bản, thời gian và nội dung")
public class ArticleResource {

    private final ArticleService articles;
    private final PageLinks links;
    private final SparseFields sparseFields;
    private final FeedRenderer feeds;

    ArticleResource(ArticleService articles, PageLinks links, SparseFields sparseFields, FeedRenderer feeds) {
        this.articles = articles;
        this.links = links;
        this.sparseFields = sparseFields;
        this.feeds = feeds;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, FeedFormat.ATOM_TYPE, FeedFormat.RSS_TYPE, FeedFormat.JSON_FEED_TYPE})
    @Operation(summary = "Danh sách bài đã đăng",
            description = "Mọi bộ lọc kết hợp được với nhau. Phân trang bằng con trỏ: trang sau lấy từ next "
                    + "(hoặc header Link rel=\"next\"); bài mới đăng trong lúc đang lật trang không làm lặp hay sót bài. "
                    + "Với Accept: application/atom+xml, application/rss+xml hoặc application/feed+json, cùng URL trả về "
                    + "nguồn tin ở định dạng đó (như /api/v1/feeds/articles.atom|.rss|.json).")
    @APIResponse(responseCode = "200", description = "Một trang bài viết",
            headers = @Header(name = "Link", description = "<url trang sau>; rel=\"next\" khi còn trang sau",
                    schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleList.class)))
    @APIResponse(responseCode = "400", description = "Tham số không hợp lệ; errors[].field nêu tên tham số",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@BeanParam ArticleListParams params, @Context UriInfo request, @Context HttpHeaders headers) {
        Optional<FeedFormat> feed = FeedFormat.preferredBy(headers.getAcceptableMediaTypes());
        if (feed.isPresent()) {
            return feeds.render(params, request, feed.get());
        }
        ArticleQuery query = params.toQuery();
        Page<ArticleSummary> page = articles.list(query);
        NextPage next = links.next(request, page.next());
        ArticleList body = new ArticleList(sparseFields.select(page.items(), query.fields()), next);
        Response.ResponseBuilder response = Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        page.items().stream().map(ArticleSummary::updatedAt).max(Comparator.naturalOrder())
                .ifPresent(updated -> response.lastModified(Date.from(updated.toInstant())));
        return links.withLink(response, next).build();
    }

    @GET
    @Path("/{idOrSlug}")
    @Operation(summary = "Một bài viết đầy đủ",
            description = "Kèm chuỗi đơn vị (phường → quận → thành phố) và các văn bản bài viết thực hiện.")
    @APIResponse(responseCode = "200", description = "Bài viết",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "Không có bài đã đăng với id hay slug này",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(
            @Parameter(description = "Id số hoặc slug của bài", example = "quan-uy-hai-ba-trung-to-chuc-so-ket-03-nam-thuc-hien-de-an-so-11-da-tu")
            @PathParam("idOrSlug") String idOrSlug) {
        ArticleView article = articles.find(idOrSlug)
                .orElseThrow(() -> new ResourceNotFoundException("Không có bài viết '" + idOrSlug + "'."));
        return Response.ok(article).lastModified(Date.from(article.updatedAt().toInstant())).build();
    }
}
