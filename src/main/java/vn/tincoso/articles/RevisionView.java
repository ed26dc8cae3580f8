package vn.tincoso.articles;

import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.tincoso.config.VietnamTime;

/** A revision as the API prints it. */
public record RevisionView(int version, String actor, OffsetDateTime at,
        @Schema(enumeration = {"created", "imported", "updated", "reimported", "published", "scheduled", "unpublished", "placed", "deleted"}) String action,
        @Schema(description = "Trường → {from, to}") Map<String, Object> changes) {

    static RevisionView of(Revision revision) {
        return new RevisionView(revision.version, revision.actor, VietnamTime.of(revision.at), revision.action, revision.changes);
    }
}
