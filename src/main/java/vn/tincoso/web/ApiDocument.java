package vn.tincoso.web;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * What the OpenAPI document (/q/openapi, checked in as openapi/openapi.yaml) says of the API as a whole: its
 * name, the Bearer JWT scheme the writes require, and the problem every error answer is ({@link StandardResponses}
 * attaches it to each 4xx and 5xx, and adds the answers every operation may give).
 */
@OpenAPIDefinition(
        info = @Info(title = "tincoso: tin cơ sở", version = "1.0.0",
                description = "API nội dung tin cơ sở: bài viết của phường, quận, thành phố, gắn đơn vị tổ chức và các văn bản "
                        + "(đề án, chỉ thị, nghị quyết…) được thực hiện.",
                contact = @Contact(name = "tincoso", url = "https://tincoso.vn"),
                license = @License(name = "All rights reserved: no public licence has been chosen yet",
                        url = "https://tincoso.vn/ban-quyen")),
        servers = @Server(url = "/", description = "Máy chủ đang phục vụ tài liệu này"),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "JWT RS256; groups: admin hoặc editor (kèm claim org = slug đơn vị)")
public class ApiDocument extends Application {
}
