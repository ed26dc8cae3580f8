package vn.tincoso.auth;

import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

import vn.tincoso.text.VietnameseText;

/**
 * What a verified token must also be before it is believed (a 401 otherwise, like a bad signature): issued no later
 * than the allowed clock skew from now, its {@code groups} a JSON array of strings as MicroProfile JWT defines it
 * (smallrye-jwt would also split a plain string), its {@code org} claim, when present, one string, and the names a
 * revision records ({@code sub}, {@code upn}, {@code preferred_username}) text the database can store.
 * The claims are read from the token's own payload, whose signature smallrye-jwt has already checked, so that
 * their JSON types are seen as sent rather than as converted.
 */
@ApplicationScoped
public class TokenRules implements SecurityIdentityAugmentor {

    /** The claims a revision may take its actor's name from. */
    private static final java.util.List<String> NAMES = java.util.List.of("sub", "upn", "preferred_username");

    private final ObjectMapper json;
    private final long clockSkewSeconds;

    TokenRules(ObjectMapper json, @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long clockSkewSeconds) {
        this.json = json;
        this.clockSkewSeconds = clockSkewSeconds;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String problem = problemWith(claims(token.getRawToken()));
            if (problem != null) {
                return Uni.createFrom().failure(new AuthenticationFailedException(problem));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** Why the claims are not acceptable, or null when they are. */
    String problemWith(JsonNode claims) {
        if (claims == null || !claims.isObject()) {
            return "unreadable payload";
        }
        JsonNode issuedAt = claims.get("iat");
        if (issuedAt != null && (!issuedAt.isNumber() || issuedAt.asLong() > Instant.now().getEpochSecond() + clockSkewSeconds)) {
            return "iat in the future";
        }
        JsonNode groups = claims.get("groups");
        if (groups != null) {
            if (!groups.isArray()) {
                return "groups is not an array";
            }
            for (JsonNode group : groups) {
                if (!group.isTextual()) {
                    return "groups holds a non-string";
                }
            }
        }
        JsonNode organisation = claims.get(Roles.ORGANISATION_CLAIM);
        if (organisation != null && !organisation.isTextual()) {
            return "org is not a string";
        }
        for (String name : NAMES) {
            JsonNode value = claims.get(name);
            if (value != null && (!value.isTextual() || VietnameseText.unstorable(value.asText()) != null)) {
                return name + " is not storable text";
            }
        }
        return null;
    }

    private JsonNode claims(String rawToken) {
        String[] parts = rawToken == null ? new String[0] : rawToken.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
