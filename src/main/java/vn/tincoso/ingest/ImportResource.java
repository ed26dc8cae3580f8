package vn.tincoso.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.tincoso.articles.ArticleService;
import vn.tincoso.articles.CurrentUser;
import vn.tincoso.auth.Roles;
import vn.tincoso.web.InvalidBodyException;
import vn.tincoso.web.InvalidParameterException;
import vn.tincoso.web.JsonErrors;
import vn.tincoso.web.Problem;
import vn.tincoso.web.QueryValues;
import vn.tincoso.web.RequestText;

@Path("/api/v1/imports")
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Nhập bài: Nhập toàn văn bài từ cổng thông tin; tự gắn đơn vị, cấp và văn bản")
public class ImportResource {

    private static final String SOURCE_URL = "sourceUrl";
    private static final String DRY_RUN = "dryRun";
    private static final String DRY_RUN_MEANS = "true: trả kết quả mà không lưu gì (chỉ nhận true hoặc false)";

    public static final String NDJSON = "application/x-ndjson";

    private final ImportService imports;
    private final ObjectMapper mapper;
    private final ArticleService articles;
    private final CurrentUser user;

    ImportResource(ImportService imports, ObjectMapper mapper, ArticleService articles, CurrentUser user) {
        this.imports = imports;
        this.mapper = mapper;
        this.articles = articles;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Nhập một bài từ văn bản thô",
            description = "Đọc tiêu đề, ngày giờ đăng, lượt xem, các đoạn, chú thích ảnh, tác giả; gắn văn bản và đơn vị tổ chức. "
                    + "Nhập lại cùng văn bản hoặc cùng sourceUrl thì cập nhật bài cũ.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN, example = """
            Phường Mỹ Đình 1 sơ kết 3 năm thực hiện Đề án số 11 của ban thường vụ thành ủy
            Ngày đăng 03/06/2024 | 14:35 | Lượt xem: 178

            (NTL) Sáng ngày 31/5, Đảng ủy phường Mỹ Đình 1 đã tổ chức Hội nghị Sơ kết 3 năm thực hiện Đề án số 11-ĐA/TU, ngày 06/12/2021 của Ban Thường vụ Thành ủy Hà Nội.

            Trung Hiếu – MĐ 1"""))
    @APIResponse(responseCode = "201", description = "Đã tạo bài",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "200", description = "Đã cập nhật bài có sẵn, hoặc dryRun",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "Không đọc được thành bài (thiếu tiêu đề, không rõ đơn vị…)")
    public Response importText(byte[] body,
            @Parameter(description = "Địa chỉ trang gốc của bài") @QueryParam(SOURCE_URL) String sourceUrl,
            @Parameter(description = DRY_RUN_MEANS, schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam(DRY_RUN) String dryRun,
            @Context HttpHeaders headers) {
        boolean dry = dryRun(dryRun);
        String text = RequestText.decode(body, headers.getMediaType(), "/text");
        String source = QueryValues.given(sourceUrl).orElse(null);
        ImportOutcome outcome = imports.importOrThrow(0, new ImportItem(text, source, null), dry, user);
        ImportReport report = ImportReport.of(dry, List.of(outcome));
        if (dry || !outcome.added()) {
            return Response.ok(report).build();
        }
        return Response.created(articles.publicUrl(outcome.slug())).entity(report).build();
    }

    @POST
    @Consumes(NDJSON)
    @Operation(summary = "Nhập nhiều bài, mỗi dòng một đối tượng JSON",
            description = "Mỗi dòng: {\"text\": …, \"sourceUrl\": …, \"overrides\": {…}}. Dòng hỏng được báo lỗi kèm số thứ tự; "
                    + "các dòng hợp lệ vẫn được lưu. Tối đa " + ImportService.MAX_ITEMS + " bài mỗi yêu cầu.")
    @APIResponse(responseCode = "200", description = "Kết quả từng bài",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    public ImportReport importLines(byte[] body, @Parameter(description = DRY_RUN_MEANS, schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam(DRY_RUN) String dryRun, @Context HttpHeaders headers) {
        boolean dry = dryRun(dryRun);
        List<ImportService.Submitted> items = new ArrayList<>();
        for (String line : RequestText.decode(body, headers.getMediaType(), "").split("\r?\n")) {
            if (!line.isBlank()) {
                items.add(readItem(line));
            }
        }
        return imports.importAll(bounded(items), dry, user);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Nhập nhiều bài từ một mảng JSON",
            description = "Như NDJSON: phần tử hỏng được báo lỗi kèm chỉ số, phần tử hợp lệ vẫn được lưu. Một đối tượng "
                    + "đứng riêng (không trong mảng) cũng được nhận, như mảng một phần tử.")
    // Documented as the array alone: openapi-generator's Java clients do not compile a oneOf/anyOf with an array
    // member, and an array of one says the same.
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ImportItem.class)))
    @APIResponse(responseCode = "200", description = "Kết quả từng bài",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Thân yêu cầu không phải JSON")
    public ImportReport importJson(JsonNode body, @Parameter(description = DRY_RUN_MEANS, schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam(DRY_RUN) String dryRun) {
        List<ImportService.Submitted> items = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(element -> items.add(readItem(element)));
        } else {
            items.add(readItem(body));
        }
        return imports.importAll(bounded(items), dryRun(dryRun), user);
    }

    private ImportService.Submitted readItem(String line) {
        try {
            return readItem(mapper.readTree(line));
        } catch (JsonProcessingException e) {
            return malformed(e);
        }
    }

    private ImportService.Submitted readItem(JsonNode node) {
        if (node == null || !node.isObject()) {
            return ImportService.Submitted.malformed("", "không phải một đối tượng JSON có trường \"text\"");
        }
        try {
            return ImportService.Submitted.of(mapper.treeToValue(node, ImportItem.class));
        } catch (JsonProcessingException e) {
            return malformed(e);
        }
    }

    private static ImportService.Submitted malformed(JsonProcessingException e) {
        Problem.FieldError error = JsonErrors.of(e);
        return ImportService.Submitted.malformed(error.field(), error.message());
    }

    private static List<ImportService.Submitted> bounded(List<ImportService.Submitted> items) {
        if (items.size() > ImportService.MAX_ITEMS) {
            throw new InvalidBodyException("", "tối đa " + ImportService.MAX_ITEMS + " bài mỗi yêu cầu, nhận " + items.size());
        }
        return items;
    }

    /** Absent is false; given, it must say true or false ("?dryRun" alone would otherwise import for real). */
    private static boolean dryRun(String value) {
        String given = value == null ? "false" : value.strip();
        if (!given.equals("true") && !given.equals("false")) {
            throw new InvalidParameterException(DRY_RUN, "chỉ nhận true hoặc false");
        }
        return given.equals("true");
    }
}
