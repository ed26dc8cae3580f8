package vn.tincoso.auth;

/** The roles a token's "groups" claim may carry. */
public final class Roles {

    /** Manages everything: organisations, the directive registry, every article. */
    public static final String ADMIN = "admin";

    /** Writes the articles of one organisation and its subtree, named by the token's "org" claim. */
    public static final String EDITOR = "editor";

    /** The claim that binds an editor to an organisation slug. */
    public static final String ORGANISATION_CLAIM = "org";

    private Roles() {
    }
}
