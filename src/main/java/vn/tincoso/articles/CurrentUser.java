package vn.tincoso.articles;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import vn.tincoso.organisations.Organisation;
import vn.tincoso.auth.Roles;
import vn.tincoso.organisations.OrganisationRepository;

/**
 * Who is writing, and where they may write: an admin anywhere, an editor in their organisation's subtree.
 * {@link TokenRules} has already refused tokens whose claims have the wrong JSON types.
 */
@RequestScoped
public class CurrentUser implements Actor {

    private final JsonWebToken token;
    private final OrganisationRepository organisations;

    CurrentUser(JsonWebToken token, OrganisationRepository organisations) {
        this.token = token;
        this.organisations = organisations;
    }

    public boolean isAdmin() {
        return token.getGroups().contains(Roles.ADMIN);
    }

    /** Whether the request carries a verified token at all. */
    public boolean isSignedIn() {
        return token.getRawToken() != null;
    }

    @Override
    public String name() {
        return token.getName();
    }

    @Override
    public boolean mayWriteEverywhere() {
        return isAdmin();
    }

    /** True for an admin, and for an editor whose organisation is this unit or one of its ancestors. */
    @Override
    public boolean mayWrite(Organisation unit) {
        if (isAdmin()) {
            return true;
        }
        String own = organisation().orElse(null);
        return token.getGroups().contains(Roles.EDITOR) && own != null
                && organisations.chainOf(unit.id).stream().anyMatch(link -> link.slug.equals(own));
    }

    /** The slug of an editor's organisation (the token's org claim), if it has one. */
    public java.util.Optional<String> organisation() {
        Object claim = token.getClaim(Roles.ORGANISATION_CLAIM);
        if (claim instanceof jakarta.json.JsonString text) {
            return java.util.Optional.of(text.getString());
        }
        return java.util.Optional.ofNullable(claim instanceof String text ? text : null);
    }
}
