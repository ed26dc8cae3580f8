package vn.tincoso.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every operation of the API may answer besides what it declares itself, said once, here, by the rule that
 * makes the API answer it (the rules live in the web package: RequestGuard, Negotiation, HttpCaching, RateLimit,
 * DatabaseUnavailable, the authentication): an operation's annotations then list only its own answers.
 * <ul>
 * <li>Every error answer is an RFC 9457 problem: a 4xx or 5xx declared without content gets the {@link Problem}
 * schema as application/problem+json.</li>
 * <li>Any request: 400 (a malformed or repeated parameter), 406 (no format it accepts), 414, 431, 503.</li>
 * <li>A GET: 200 with ETag, Last-Modified, Cache-Control and Vary, and 304 for If-None-Match / If-Modified-Since;
 * Link when it pages (it has a cursor parameter); the rate limit's 429; public reads (no security declared) get
 * {@code security: []}.</li>
 * <li>A write: 413 and 415 when it takes a body; 412 and 428 when it takes If-Match; Location on 201.</li>
 * <li>Anything that needs a token: 401 and 403.</li>
 * <li>Any path with a parameter: 404.</li>
 * </ul>
 * Dates and times are written as string formats where they are used ({@link TimeSchemas}).
 */
public class StandardResponses implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String RETRY_AFTER = "Retry-After";
    /** By name, so that the document comes out in the same order every run (Map.of's order changes per JVM). */
    private static final Map<String, String> HEADERS = new TreeMap<>(Map.of(
            "ETag", "Thẻ phiên bản của nội dung (gửi lại trong If-None-Match, hoặc If-Match khi sửa)",
            "Last-Modified", "Lần sửa gần nhất của nội dung trả về",
            "Cache-Control", "Được giữ bao lâu (max-age, stale-while-revalidate); private khi có mã truy cập",
            "Vary", "Các header quyết định nội dung (Accept, Accept-Encoding…)",
            "Link", "<url trang sau>; rel=\"next\" khi còn trang sau (RFC 8288)",
            "Location", "Địa chỉ của tài nguyên vừa tạo",
            RETRY_AFTER, "Số giây nên chờ trước khi thử lại"));

    @Override
    public Schema filterSchema(Schema schema) {
        return TimeSchemas.inline(schema);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        TimeSchemas.removeComponents(openAPI);
        HEADERS.forEach((name, description) -> openAPI.getComponents().addHeader(name, OASFactory.createHeader()
                .description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getResponses() != null) {
                standardAnswers(path, method, operation);
                problemContent(operation.getResponses());
            }
            // A callback (the webhook POST to a receiver) is signed, not authenticated: no security scheme applies.
            if (operation.getCallbacks() != null) {
                operation.getCallbacks().forEach((name, callback) -> callback.getPathItems().values().forEach(callbackItem ->
                        callbackItem.getOperations().values().forEach(sent -> {
                            sent.setSecurity(new java.util.ArrayList<>());
                            // Named, so that client generators need not invent a name.
                            if (sent.getOperationId() == null) {
                                sent.setOperationId("Receiver_" + name);
                            }
                        })));
            }
        }));
    }

    private static void standardAnswers(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        add(responses, "400", "Yêu cầu không hợp lệ; errors[].field nêu tham số hoặc trường sai");
        add(responses, "406", "Không có định dạng nào trong Accept mà thao tác này trả được");
        add(responses, "414", "Chuỗi truy vấn quá dài");
        add(responses, "431", "Các header quá lớn");
        add(responses, "503", "Cơ sở dữ liệu tạm thời không trả lời; thử lại sau Retry-After giây", RETRY_AFTER);
        if (path.contains("{")) {
            add(responses, "404", "Không có tài nguyên này");
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            add(responses, "401", "Thiếu mã truy cập, hoặc mã không hợp lệ");
            add(responses, "403", "Mã truy cập không cho phép thao tác này");
        }
        if (method == PathItem.HttpMethod.GET) {
            reads(operation, responses, secured);
        } else {
            writes(operation, responses);
            if (!secured) {
                // A public write (the WebSub hub): no scheme applies, and the rate limit counts it as a read.
                operation.setSecurity(new ArrayList<>());
                add(responses, "429", "Vượt giới hạn số yêu cầu mỗi phút; thử lại sau Retry-After giây", RETRY_AFTER);
            }
        }
    }

    private static void reads(Operation operation, APIResponses responses, boolean secured) {
        for (String code : List.of("200", "203")) {
            APIResponse ok = responses.getAPIResponse(code);
            if (ok != null) {
                withHeaders(ok, "ETag", "Last-Modified", "Cache-Control", "Vary");
                if (hasParameter(operation, "cursor", Parameter.In.QUERY)) {
                    withHeaders(ok, "Link");
                }
            }
        }
        add(responses, "304", "Không đổi từ phiên bản trong If-None-Match (hoặc từ If-Modified-Since)", "ETag", "Cache-Control", "Vary");
        // The rate limit counts every read, with a token or without (web.PublicReads).
        add(responses, "429", "Vượt giới hạn số yêu cầu mỗi phút; thử lại sau Retry-After giây", RETRY_AFTER);
        if (!secured) {
            operation.setSecurity(new ArrayList<>());
        }
    }

    private static void writes(Operation operation, APIResponses responses) {
        if (operation.getRequestBody() != null) {
            add(responses, "413", "Thân yêu cầu quá lớn");
            add(responses, "415", "Kiểu nội dung (Content-Type) không nhận");
        }
        if (hasParameter(operation, "If-Match", Parameter.In.HEADER)) {
            add(responses, "412", "If-Match không còn là ETag hiện tại: đã có người sửa; đọc lại rồi sửa");
            add(responses, "428", "Cần header If-Match với ETag hiện tại");
        }
        if (responses.getAPIResponse("201") != null) {
            withHeaders(responses.getAPIResponse("201"), "Location");
        }
    }

    /** The response, with these headers, when the operation does not declare one for that code. */
    private static void add(APIResponses responses, String code, String description, String... headers) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, withHeaders(OASFactory.createAPIResponse().description(description), headers));
        }
    }

    private static APIResponse withHeaders(APIResponse response, String... names) {
        for (String name : names) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
            }
        }
        return response;
    }

    private static boolean hasParameter(Operation operation, String name, Parameter.In in) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> name.equalsIgnoreCase(parameter.getName()) && parameter.getIn() == in);
    }

    private static void problemContent(APIResponses responses) {
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
            if (error && response.getValue().getContent() == null && response.getValue().getRef() == null) {
                response.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
            }
        }
    }
}
