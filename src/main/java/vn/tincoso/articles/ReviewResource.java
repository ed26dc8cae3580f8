package vn.tincoso.articles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.tincoso.auth.Roles;
import vn.tincoso.web.QueryValues;

@Path("/api/v1/review")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
@SecurityRequirement(name = "bearer")
@Tag(name = "Review", description = "Bài chờ xác định đơn vị: Bài đã nhập mà không xác định được đơn vị tổ chức: không công khai cho đến khi được gán đơn vị")
public class ReviewResource {

    private static final String LIMIT = "limit";
    private static final String AFTER = "after";

    static final int MAX_LIMIT = 200;

    private final ReviewService review;

    ReviewResource(ReviewService review) {
        this.review = review;
    }

    /** The body of POST /review/{id}: the unit, and whether to publish at once. */
    public record Placement(@NotBlank @Schema(example = "phuong-hoan-kiem") String organisation, boolean publish) {
    }

    @GET
    @Operation(summary = "Các bài chờ xác định đơn vị, cũ trước",
            description = "Quản trị viên thấy tất cả; biên tập viên thấy những bài có đơn vị ứng viên thuộc đơn vị mình. "
                    + "Mỗi bài kèm lý do và các đơn vị ứng viên cùng vị trí trong văn bản.")
    @APIResponse(responseCode = "200", description = "Một trang bài; next là id để đọc tiếp (after=next)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewService.Waiting.class)))
    public ReviewService.Waiting waiting(
            @Parameter(description = "Số bài mỗi trang, 1–" + MAX_LIMIT + " (mặc định 50)") @QueryParam(LIMIT) String limit,
            @Parameter(description = "Đọc tiếp sau bài có id này (giá trị next của trang trước)") @QueryParam(AFTER) String after) {
        return review.waiting(QueryValues.intInRange(AFTER, after, 0, 0, Integer.MAX_VALUE),
                QueryValues.intInRange(LIMIT, limit, 50, 1, MAX_LIMIT));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "409", description = "Bài này không chờ xác định đơn vị")
    @Operation(summary = "Gán đơn vị cho một bài (và đăng ngay nếu publish)", description = "Cần If-Match với ETag hiện tại của bài.")
    @APIResponse(responseCode = "200", description = "Bài sau khi gán",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    public Response place(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Placement body) {
        EditorialService.Written written = review.place(id, ifMatch, body.organisation(), body.publish());
        return Response.ok(written.article(), MediaType.APPLICATION_JSON_TYPE).header("ETag", written.etag()).build();
    }
}
