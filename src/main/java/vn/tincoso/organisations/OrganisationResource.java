package vn.tincoso.organisations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import vn.tincoso.config.VietnamTime;
import vn.tincoso.database.ContentClock;
import vn.tincoso.web.InvalidParameterException;
import vn.tincoso.web.QueryValues;
import vn.tincoso.web.PublicAddress;
import vn.tincoso.web.ResourceNotFoundException;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Đơn vị: Cây đơn vị của cả nước, trước và sau ngày 1/7/2025: tỉnh/thành phố > (quận/huyện, đến 30/6/2025) > "
        + "phường/xã/đặc khu > tổ dân phố/thôn/chi bộ")
public class OrganisationResource {

    private static final String LEVEL = "level";
    private static final String VIEW = "view";
    private static final String AT = "at";

    private final OrganisationService organisations;
    private final PublicAddress address;
    private final ContentClock clock;
    private final java.time.Clock today;

    OrganisationResource(OrganisationService organisations, PublicAddress address, ContentClock clock, java.time.Clock today) {
        this.organisations = organisations;
        this.address = address;
        this.clock = clock;
        this.today = today;
    }

    @GET
    @Operation(summary = "Các đơn vị, dạng cây hoặc danh sách phẳng, kèm số bài",
            description = "Mặc định là cây. Với level (hoặc view=flat) là danh sách phẳng các đơn vị ở cấp đó. "
                    + "Không phân trang: danh bạ đơn vị có kích thước cố định.")
    @APIResponse(responseCode = "200", description = "Các đơn vị gốc, mỗi đơn vị kèm children (dạng cây), hoặc danh sách phẳng không có children",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = OrganisationNode.class)))
    @APIResponse(responseCode = "400", description = "level hoặc view không hợp lệ")
    public Response list(
            @Parameter(description = "Chỉ các đơn vị ở cấp này: city, district, ward, group (lặp lại hoặc phân tách bằng "
                    + "dấu phẩy); trả về danh sách phẳng", example = "[\"city\"]")
            @QueryParam(LEVEL) List<String> level,
            @Parameter(description = "tree (mặc định) hoặc flat", schema = @Schema(enumeration = {"tree", "flat"}))
            @QueryParam(VIEW) String view,
            @Parameter(description = "Các đơn vị có hiệu lực vào ngày này (YYYY-MM-DD; mặc định: hôm nay, giờ Hà Nội): "
                    + "trước 2025-07-01 là bản đồ có quận/huyện, từ đó là 34 tỉnh, thành phố và các xã, phường, đặc khu",
                    example = "2024-01-01") @QueryParam(AT) String at) {
        Set<Level> levels = QueryValues.codes(LEVEL, level, Level.class, Level::code);
        Optional<String> chosenView = QueryValues.given(view);
        if (chosenView.isPresent() && !chosenView.get().equals("tree") && !chosenView.get().equals("flat")) {
            throw new InvalidParameterException(VIEW, "chỉ nhận tree hoặc flat");
        }
        boolean flat = !levels.isEmpty() || chosenView.filter("flat"::equals).isPresent();
        if (flat && chosenView.filter("tree"::equals).isPresent()) {
            throw new InvalidParameterException(VIEW, "view=tree không đi cùng level (level cho danh sách phẳng)");
        }
        LocalDate on = QueryValues.given(at).map(OrganisationResource::day).orElseGet(() -> LocalDate.now(today.withZone(VietnamTime.ZONE)));
        return clock.answer(flat ? organisations.flat(levels, on) : organisations.tree(on));
    }

    private static LocalDate day(String value) {
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 1 || day.getYear() > 9999) {
                throw new InvalidParameterException(AT, "phải " + VietnamTime.RANGE);
            }
            return day;
        } catch (java.time.DateTimeException e) {
            throw new InvalidParameterException(AT, "'" + value + "' không phải ngày YYYY-MM-DD");
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Thêm một đơn vị vào cây",
            description = "Mở rộng danh bạ: một phường chưa có, một tổ dân phố hay chi bộ. Đơn vị nằm ngay dưới đơn vị cấp trên.")
    @APIResponse(responseCode = "201", description = "Đã thêm; Location trỏ tới đơn vị",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationDetail.class)))
    @APIResponse(responseCode = "400", description = "Trường không hợp lệ; errors[] nêu từng trường")
    @APIResponse(responseCode = "401", description = "Thiếu mã truy cập")
    @APIResponse(responseCode = "403", description = "Chỉ quản trị viên")
    @APIResponse(responseCode = "409", description = "Slug đã có")
    public Response create(@Valid @NotNull NewOrganisation body) {
        Organisation created = organisations.create(body);
        return Response.created(address.resolve("api/v1/organisations/" + created.slug))
                .entity(organisations.find(created.slug).orElseThrow()).build();
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Đổi tên và/hoặc chuyển đơn vị sang đơn vị cấp trên khác", description = "Slug giữ nguyên; cả cây con đi theo.")
    @APIResponse(responseCode = "200", description = "Đơn vị sau khi sửa",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationDetail.class)))
    public Response update(@PathParam("slug") String slug, @Valid @NotNull OrganisationChange body) {
        return clock.answer(organisations.find(organisations.update(slug, body).slug).orElseThrow());
    }

    @POST
    @Path("/{slug}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Sáp nhập đơn vị vào một đơn vị cùng cấp",
            description = "Bài cũ vẫn thuộc đơn vị cũ; nguồn tin của đơn vị mới với scope=lineage gồm cả chúng.")
    @APIResponse(responseCode = "200", description = "Đơn vị đã sáp nhập (successors có đơn vị nhận)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationDetail.class)))
    public Response merge(@PathParam("slug") String slug, @Valid @NotNull OrganisationChange.Merge body) {
        return clock.answer(organisations.find(organisations.merge(slug, body.into()).slug).orElseThrow());
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Một đơn vị, kèm các cấp trên, các đơn vị trực thuộc và số bài",
            description = "Kèm loại đơn vị, mã GSO, thời gian hiệu lực, các đơn vị tiền thân và kế tục qua các lần sắp xếp.")
    @APIResponse(responseCode = "200", description = "Đơn vị",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationDetail.class)))
    @APIResponse(responseCode = "404", description = "Không có đơn vị với slug này")
    public Response get(@Parameter(example = "quan-hai-ba-trung") @PathParam("slug") String slug) {
        return clock.answer(organisations.find(slug)
                .orElseThrow(() -> new ResourceNotFoundException("Không có đơn vị '" + slug + "'.")));
    }
}
