package vn.tincoso.webhooks;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.callbacks.Callback;
import org.eclipse.microprofile.openapi.annotations.callbacks.CallbackOperation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.tincoso.articles.CurrentUser;
import vn.tincoso.auth.Roles;
import vn.tincoso.web.PublicAddress;
import vn.tincoso.web.QueryValues;
import vn.tincoso.web.ResourceNotFoundException;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
@SecurityRequirement(name = "bearer")
@Tag(name = "Webhooks", description = "Đẩy tin: khi một bài vào, đổi, rời hoặc bị xóa khỏi nguồn tin của bộ lọc, máy chủ POST sự kiện "
        + "tới địa chỉ đã đăng ký, ký theo Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature: v1,<base64 "
        + "HMAC-SHA256 của id.timestamp.body>). Gửi ít nhất một lần; thử lại với thời gian chờ tăng dần trong 24 giờ; các lần "
        + "gửi một bài tới một webhook đi theo thứ tự; máy nhận trả 410 thì webhook bị tắt.")
public class WebhookResource {

    private static final String LIMIT = "limit";
    private static final String BEFORE = "before";

    private final WebhookService webhooks;
    private final CurrentUser user;
    private final PublicAddress address;

    WebhookResource(WebhookService webhooks, CurrentUser user, PublicAddress address) {
        this.webhooks = webhooks;
        this.user = user;
        this.address = address;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Đăng ký một webhook",
            description = "Quản trị viên: mọi bộ lọc. Biên tập viên: bộ lọc phải có org là đơn vị của mình hoặc trực thuộc. "
                    + "Khóa ký (secret) chỉ trả về trong câu trả lời này.")
    @APIResponse(responseCode = "201", description = "Đã đăng ký; Location trỏ tới webhook; secret có trong câu trả lời",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Trường không hợp lệ (url không công khai, sự kiện lạ, bộ lọc sai); errors[] nêu trường")
    @APIResponse(responseCode = "401", description = "Thiếu mã truy cập")
    @APIResponse(responseCode = "403", description = "Đơn vị của bộ lọc nằm ngoài phạm vi tài khoản")
    @APIResponse(responseCode = "409", description = "Tài khoản đã có số webhook tối đa")
    @APIResponse(responseCode = "503", description = "Máy chủ chưa cấu hình khóa mã hóa webhook")
    @Callback(name = "articleEvent", callbackUrlExpression = "{$request.body#/url}", operations = @CallbackOperation(
            method = "post", summary = "Một sự kiện gửi tới địa chỉ đã đăng ký",
            description = "Kiểm chữ ký bằng thư viện Standard Webhooks với secret: HMAC-SHA256 của webhook-id.webhook-timestamp.body. "
                    + "Trả 2xx khi đã nhận; 410 để hủy đăng ký; mã khác hoặc quá 10 giây: gửi lại sau.",
            parameters = {
                    @Parameter(name = "webhook-id", in = ParameterIn.HEADER, required = true, description = "Mã thông điệp; giống nhau ở mọi lần gửi lại",
                            schema = @Schema(type = SchemaType.STRING, example = "msg_1042")),
                    @Parameter(name = "webhook-timestamp", in = ParameterIn.HEADER, required = true, description = "Giây Unix lúc gửi",
                            schema = @Schema(type = SchemaType.INTEGER, example = "1796529600")),
                    @Parameter(name = "webhook-signature", in = ParameterIn.HEADER, required = true, description = "v1,<base64 HMAC-SHA256>",
                            schema = @Schema(type = SchemaType.STRING))},
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookPayload.class))),
            responses = {
                    @APIResponse(responseCode = "200", description = "Đã nhận"),
                    @APIResponse(responseCode = "410", description = "Hủy đăng ký: webhook bị tắt")}))
    public Response create(@Valid @NotNull WebhookInput body) {
        WebhookView created = webhooks.create(body, user);
        return Response.created(address.resolve("api/v1/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "Các webhook tài khoản được quản lý", description = "Theo thứ tự tạo; không có secret.")
    @APIResponse(responseCode = "200", description = "Các webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
    public List<WebhookView> list() {
        return webhooks.list(user);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Một webhook", description = "Không có secret.")
    @APIResponse(responseCode = "200", description = "Webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "Không có, hoặc ngoài phạm vi tài khoản")
    public WebhookView get(@Parameter(example = "1") @PathParam("id") String id) {
        return webhooks.find(idOf(id), user);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sửa, tạm dừng (state=paused) hoặc chạy lại (state=active) một webhook",
            description = "Trường vắng mặt giữ nguyên. Đổi secret: secret mới có trong câu trả lời. Chạy lại cũng bật lại webhook đã bị tắt.")
    @APIResponse(responseCode = "200", description = "Webhook sau khi sửa",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Trường không hợp lệ")
    @APIResponse(responseCode = "404", description = "Không có, hoặc ngoài phạm vi tài khoản")
    public WebhookView change(@Parameter(example = "1") @PathParam("id") String id, @Valid @NotNull WebhookInput body) {
        return webhooks.change(idOf(id), body, user);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Xóa một webhook", description = "Các lần gửi chưa xong bị hủy.")
    @APIResponse(responseCode = "204", description = "Đã xóa")
    @APIResponse(responseCode = "404", description = "Không có, hoặc ngoài phạm vi tài khoản")
    public Response delete(@Parameter(example = "1") @PathParam("id") String id) {
        webhooks.delete(idOf(id), user);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Các lần gửi của một webhook, mới nhất trước",
            description = "Trạng thái (pending, sending, delivered, dead), số lần thử, mã HTTP và thời điểm của lần gần nhất. "
                    + "Trang sau: before = số của lần gửi cuối trang.")
    @APIResponse(responseCode = "200", description = "Các lần gửi",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", description = "limit hoặc before không hợp lệ")
    @APIResponse(responseCode = "404", description = "Không có webhook, hoặc ngoài phạm vi tài khoản")
    public List<DeliveryView> deliveries(@Parameter(example = "1") @PathParam("id") String id,
            @Parameter(description = "Số lần gửi mỗi trang, 1–" + WebhookService.MAX_DELIVERIES_PAGE, example = "50")
            @QueryParam(LIMIT) String limit,
            @Parameter(description = "Chỉ các lần gửi trước lần này (id của lần cuối trang trước)", example = "msg_1042")
            @QueryParam(BEFORE) String before) {
        Long beforeId = QueryValues.given(before).map(value -> deliveryIdOf(BEFORE, value)).orElse(null);
        return webhooks.deliveries(idOf(id), beforeId,
                QueryValues.intInRange(LIMIT, limit, 50, 1, WebhookService.MAX_DELIVERIES_PAGE), user);
    }

    @POST
    @Path("/{id}/deliveries/{delivery}/retry")
    @Operation(summary = "Gửi lại một lần gửi (kể cả đã chết hoặc đã giao)",
            description = "Gửi lại ngay, cùng webhook-id, và thử lại tiếp trong 24 giờ nếu không được.")
    @APIResponse(responseCode = "200", description = "Lần gửi, đang chờ gửi",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "Không có webhook hay lần gửi này")
    public DeliveryView retry(@Parameter(example = "1") @PathParam("id") String id, @Parameter(example = "msg_1042") @PathParam("delivery") String delivery) {
        long webhookId = idOf(id);
        long deliveryId;
        try {
            deliveryId = deliveryIdOf("delivery", delivery);
        } catch (RuntimeException e) {
            throw new ResourceNotFoundException("Webhook " + webhookId + " không có lần gửi '" + delivery + "'.");
        }
        return webhooks.retry(webhookId, deliveryId, user);
    }

    private static long idOf(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ResourceNotFoundException("Không có webhook '" + id + "'.");
        }
    }

    /** A delivery as its webhook-id (msg_42) or its number (42). */
    private static long deliveryIdOf(String parameter, String value) {
        try {
            return Long.parseLong(value.startsWith("msg_") ? value.substring(4) : value);
        } catch (NumberFormatException e) {
            throw new vn.tincoso.web.InvalidParameterException(parameter, "phải là webhook-id của một lần gửi, vd. msg_1042");
        }
    }
}
