package vn.tincoso.directives;


import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.tincoso.auth.Roles;
import vn.tincoso.database.ContentClock;
import vn.tincoso.web.ResourceNotFoundException;

@Path("/api/v1/directives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directives", description = "Văn bản: Danh mục đề án, chỉ thị, nghị quyết… mà các bài viết thực hiện")
public class DirectiveResource {

    private static final String TYPE = "type";
    private static final String ISSUER = "issuer";

    private final DirectiveService directives;
    private final ContentClock clock;

    DirectiveResource(DirectiveService directives, ContentClock clock) {
        this.directives = directives;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Danh mục văn bản, kèm số bài thực hiện mỗi văn bản",
            description = "Theo thứ tự cơ quan ban hành, loại, năm, số. Không phân trang: danh mục có kích thước giới hạn.")
    @APIResponse(responseCode = "200", description = "Các văn bản",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DirectiveView.class)))
    @APIResponse(responseCode = "400", description = "type hoặc issuer không có trong danh mục")
    public Response list(
            @Parameter(description = "Loại văn bản, không phân biệt dấu và hoa thường", example = "ĐA") @QueryParam(TYPE) String type,
            @Parameter(description = "Cơ quan ban hành, không phân biệt dấu và hoa thường", example = "TU") @QueryParam(ISSUER) String issuer) {
        return clock.answer(directives.list(DocumentType.fromParameter(TYPE, type), Issuer.fromParameter(ISSUER, issuer)));
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Một văn bản",
            description = "Theo slug (11-da-tu) hoặc bất kỳ cách viết nào của mã không chứa \"/\" (11-DA-TU, 11 - ĐA - TU).")
    @APIResponse(responseCode = "200", description = "Văn bản",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DirectiveView.class)))
    @APIResponse(responseCode = "404", description = "Không có văn bản với mã này")
    public Response get(@Parameter(example = "11-da-tu") @PathParam("slug") String slug) {
        return clock.answer(directives.find(slug).orElseThrow(() -> new ResourceNotFoundException("Không có văn bản '" + slug + "'.")));
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Sửa tiêu đề hoặc ngày ban hành của văn bản trong danh mục",
            description = "Chỉ quản trị viên. Mã văn bản không đổi; các bài đã gắn văn bản hiện tiêu đề mới.")
    @APIResponse(responseCode = "200", description = "Văn bản sau khi sửa",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DirectiveView.class)))
    public DirectiveView update(@PathParam("slug") String slug, @Valid @NotNull DirectiveChange body) {
        return directives.update(slug, body);
    }
}
