package vn.tincoso.auth;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Declares the Bearer JWT scheme the write endpoints require. */
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "JWT RS256; groups: admin hoặc editor (kèm claim org = slug đơn vị)")
public class OpenApiSecurity extends Application {
}
