package vn.tincoso.articles;

import vn.tincoso.organisations.Organisation;

/**
 * Whoever writes an article: a signed-in user ({@link CurrentUser}), or the system itself (the scheduler, the demo
 * content). Every write checks {@link #mayWrite} on each unit it touches and records {@link #name} in the revision.
 */
public interface Actor {

    /** As revisions record it. */
    String name();

    /** Whether this actor may write the articles of this unit. */
    boolean mayWrite(Organisation unit);

    /** Whether this actor may write articles of every unit (and so also those not placed yet). */
    boolean mayWriteEverywhere();

    /** The application itself, which may write everywhere: the scheduler, the demo content, start-up tasks. */
    static Actor system(String name) {
        return new Actor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean mayWrite(Organisation unit) {
                return true;
            }

            @Override
            public boolean mayWriteEverywhere() {
                return true;
            }
        };
    }
}
