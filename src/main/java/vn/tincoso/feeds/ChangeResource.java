package vn.tincoso.feeds;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.tincoso.articles.ArticleFilterParams;
import vn.tincoso.web.QueryValues;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "Đồng bộ: Những gì đã đổi từ lần đồng bộ trước, cho ứng dụng giữ bản sao ngoại tuyến")
public class ChangeResource {

    private static final String LIMIT = "limit";

    private final ChangeService changes;

    ChangeResource(ChangeService changes) {
        this.changes = changes;
    }

    @GET
    @Operation(summary = "Các thay đổi của một bộ lọc kể từ mã đồng bộ",
            description = "Theo thứ tự: bài được tạo hoặc sửa (upsert, kèm toàn bài) và id bài bị xóa, thôi đăng hoặc không còn "
                    + "khớp bộ lọc (delete). Không có since là đồng bộ từ đầu. Áp dụng lần lượt mọi trang thì bản sao của ứng "
                    + "dụng đúng bằng những gì nguồn tin đang hiện. Lưu lại next để hỏi lần sau; hasMore là còn trang ngay.")
    @APIResponse(responseCode = "200", description = "Một trang thay đổi",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeFeed.class)))
    @APIResponse(responseCode = "400", description = "Tham số không hợp lệ")
    @APIResponse(responseCode = "410", description = "since cũ hơn thời gian lưu bài đã xóa: đồng bộ lại từ đầu")
    public ChangeFeed changes(@BeanParam ArticleFilterParams filters,
            @Parameter(description = "Mã đồng bộ, lấy nguyên từ next của lần trước") @QueryParam(ChangeService.SINCE) String since,
            @Parameter(description = "Số thay đổi mỗi trang, 1 đến " + ChangeService.MAX_LIMIT + ".",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100"))
            @QueryParam(LIMIT) String limit) {
        return changes.since(filters.filter(), QueryValues.given(since),
                QueryValues.intInRange(LIMIT, limit, ChangeService.DEFAULT_LIMIT, 1, ChangeService.MAX_LIMIT));
    }
}
