package vn.tincoso.auth;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import vn.tincoso.organisations.Organisation;
import vn.tincoso.organisations.OrganisationRepository;

/** Who is writing, and where they may write: an admin anywhere, an editor in their organisation's subtree. */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken token;
    private final OrganisationRepository organisations;

    CurrentUser(JsonWebToken token, OrganisationRepository organisations) {
        this.token = token;
        this.organisations = organisations;
    }

    public boolean isAdmin() {
        return token.getGroups().contains(Roles.ADMIN);
    }

    /** The subject, as revisions record it. */
    public String name() {
        return token.getName();
    }

    /** True for an admin, and for an editor whose organisation is this unit or one of its ancestors. */
    public boolean mayWrite(Organisation unit) {
        if (isAdmin()) {
            return true;
        }
        String own = token.getClaim(Roles.ORGANISATION_CLAIM);
        return token.getGroups().contains(Roles.EDITOR) && own != null
                && organisations.chainOf(unit.id).stream().anyMatch(link -> link.slug.equals(own));
    }
}
