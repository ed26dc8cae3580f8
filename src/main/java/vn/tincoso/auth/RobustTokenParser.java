package vn.tincoso.auth;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * smallrye-jwt fails with a ClassCastException on a correctly signed token whose standard claims have the wrong JSON
 * types ("groups": 5, "groups": [["admin"]]), which would be a 500: here any such failure is the parse failure it
 * is, so the token is refused as invalid (401) like a bad signature. {@link TokenRules} checks the rest.
 */
@Decorator
@Priority(10)
abstract class RobustTokenParser implements JWTParser {

    @Inject
    @Delegate
    JWTParser parser;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        try {
            return parser.parse(token);
        } catch (RuntimeException e) {
            throw new ParseException("claims of the wrong type", e);
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        try {
            return parser.parse(token, context);
        } catch (RuntimeException e) {
            throw new ParseException("claims of the wrong type", e);
        }
    }
}
