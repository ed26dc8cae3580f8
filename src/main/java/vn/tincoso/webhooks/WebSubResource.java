package vn.tincoso.webhooks;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.callbacks.Callback;
import org.eclipse.microprofile.openapi.annotations.callbacks.CallbackOperation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.tincoso.articles.ArticleSyndication;
import vn.tincoso.web.InvalidBodyException;
import vn.tincoso.web.PublicAddress;
import vn.tincoso.web.RequestText;
import vn.tincoso.web.UrlEncoded;

/** The WebSub hub every feed names (rel="hub"): public, as hubs are; what it does is {@link WebSubHub}'s. */
@Path("/websub")
@Tag(name = "WebSub", description = "Hub WebSub (khuyến nghị W3C) cho mọi nguồn tin: đăng ký một địa chỉ nhận (callback) với một "
        + "nguồn tin bất kỳ (topic, mọi bộ lọc); hub xác minh bằng GET có hub.challenge, rồi mỗi khi nội dung nguồn tin đổi thì "
        + "POST trang đầu của nó tới callback (Link rel=\"hub\" và rel=\"self\"; X-Hub-Signature: sha256=… nếu có hub.secret).")
public class WebSubResource {

    private final WebSubHub hub;
    private final PublicAddress address;

    WebSubResource(WebSubHub hub, PublicAddress address) {
        this.hub = hub;
        this.address = address;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Đăng ký hoặc hủy đăng ký nhận một nguồn tin (WebSub)",
            description = "Yêu cầu được kiểm tra ngay (400 nêu trường sai) rồi trả 202; hub xác minh ý định sau đó bằng GET tới "
                    + "hub.callback với hub.mode, hub.topic, hub.challenge (và hub.lease_seconds): callback phải trả 2xx với "
                    + "đúng hub.challenge trong thân. Chỉ khi đó đăng ký mới có hiệu lực (hoặc được gia hạn, hoặc chấm dứt). "
                    + "Hết hạn thuê (lease) mà không đăng ký lại thì hub thôi gửi.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = WebSubForm.class)))
    @APIResponse(responseCode = "202", description = "Đã nhận; đang xác minh ý định với callback")
    @APIResponse(responseCode = "400", description = "Trường không hợp lệ (mode lạ, callback không công khai, topic không phải nguồn tin "
            + "của máy chủ này hoặc có bộ lọc sai, lease hay secret sai); errors[].field nêu trường")
    @APIResponse(responseCode = "409", description = "Hub đã giữ số đăng ký tối đa")
    @APIResponse(responseCode = "503", description = "Máy chủ chưa cấu hình khóa mã hóa webhook, hoặc đang xác minh quá nhiều yêu cầu")
    @Callback(name = "intentVerification", callbackUrlExpression = "{$request.body#/hub.callback}", operations = @CallbackOperation(
            method = "get", summary = "Xác minh ý định (WebSub §5.3) gửi tới callback sau câu trả lời 202",
            description = "Callback trả 2xx với đúng hub.challenge làm thân để xác nhận; trả khác thì yêu cầu bị bỏ.",
            parameters = {
                    @Parameter(name = "hub.mode", in = ParameterIn.QUERY, required = true,
                            schema = @Schema(type = SchemaType.STRING, enumeration = {"subscribe", "unsubscribe"})),
                    @Parameter(name = "hub.topic", in = ParameterIn.QUERY, required = true, schema = @Schema(type = SchemaType.STRING)),
                    @Parameter(name = "hub.challenge", in = ParameterIn.QUERY, required = true, description = "Chuỗi ngẫu nhiên phải trả lại",
                            schema = @Schema(type = SchemaType.STRING, example = "9f86d081884c7d659a2feaa0c55ad015")),
                    @Parameter(name = "hub.lease_seconds", in = ParameterIn.QUERY, description = "Thời hạn được cấp (khi đăng ký)",
                            schema = @Schema(type = SchemaType.INTEGER))},
            responses = {
                    @APIResponse(responseCode = "200", description = "Xác nhận: thân là hub.challenge",
                            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))),
                    @APIResponse(responseCode = "404", description = "Không nhận: callback không yêu cầu việc này")}))
    @Callback(name = "contentDistribution", callbackUrlExpression = "{$request.body#/hub.callback}", operations = @CallbackOperation(
            method = "post", summary = "Trang đầu của nguồn tin (WebSub §7) mỗi khi nội dung của nó đổi",
            description = "Đúng các byte URL của topic trả lúc gửi. Kiểm X-Hub-Signature bằng HMAC-SHA256 của thân với hub.secret. "
                    + "Trả 2xx khi đã nhận; 410 để hủy đăng ký; mã khác hoặc quá 10 giây: gửi lại sau.",
            parameters = {
                    @Parameter(name = "Link", in = ParameterIn.HEADER, required = true, description = "<hub>; rel=\"hub\", <topic>; rel=\"self\"",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Parameter(name = "X-Hub-Signature", in = ParameterIn.HEADER, description = "sha256=<hex HMAC-SHA256 của thân>, khi có hub.secret",
                            schema = @Schema(type = SchemaType.STRING))},
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = ArticleSyndication.ATOM, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = ArticleSyndication.RSS, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = ArticleSyndication.JSON_FEED, schema = @Schema(ref = "JsonFeed"))}),
            responses = {
                    @APIResponse(responseCode = "200", description = "Đã nhận"),
                    @APIResponse(responseCode = "410", description = "Hủy đăng ký")}))
    public Response request(byte[] body, @Context HttpHeaders headers) {
        // Read here, strictly: a value may hold '=' (a topic's own query), and a field given twice is refused.
        Map<String, List<String>> form = UrlEncoded.parse(RequestText.decode(body, headers.getMediaType(), ""), InvalidBodyException::new);
        form.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new InvalidBodyException(name, "chỉ được cho một lần");
            }
        });
        hub.accept(new WebSubHub.Request(first(form, "hub.mode"), first(form, "hub.topic"), first(form, "hub.callback"),
                first(form, "hub.lease_seconds"), first(form, "hub.secret")), address.base());
        return Response.accepted().build();
    }

    private static String first(Map<String, List<String>> form, String name) {
        return form.containsKey(name) ? form.get(name).get(0) : null;
    }
}
