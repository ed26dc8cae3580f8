package vn.tincoso.articles;

import java.util.Arrays;
import java.util.Optional;

/** How much of the organisation tree an org= filter covers. */
public enum OrganisationScope {
    /** The unit and everything under it (the default). */
    SUBTREE("subtree"),
    /** The unit alone. */
    EXACT("exact"),
    /** The unit's subtree and those of every unit merged into it, however long ago. */
    LINEAGE("lineage");

    private final String code;

    OrganisationScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<OrganisationScope> fromCode(String code) {
        return Arrays.stream(values()).filter(scope -> scope.code.equals(code)).findFirst();
    }
}
