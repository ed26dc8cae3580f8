package vn.tincoso.testing;

import java.util.Set;

import io.smallrye.jwt.build.Jwt;

import vn.tincoso.auth.Roles;

/** Bearer tokens signed with the test key (deploy/local/jwt), as an identity provider would issue them. */
public final class Tokens {

    private Tokens() {
    }

    public static String admin() {
        return "Bearer " + Jwt.issuer("https://tincoso.vn").subject("quan-tri").groups(Set.of(Roles.ADMIN)).expiresIn(3600).sign();
    }

    public static String editor(String organisation) {
        return "Bearer " + Jwt.issuer("https://tincoso.vn").subject("bien-tap-" + organisation).groups(Set.of(Roles.EDITOR))
                .claim(Roles.ORGANISATION_CLAIM, organisation).expiresIn(3600).sign();
    }
}
