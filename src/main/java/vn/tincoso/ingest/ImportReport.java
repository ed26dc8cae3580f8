package vn.tincoso.ingest;

import java.util.List;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * The answer to an import: one outcome per item, in request order, and the totals. It is exactly what was stored:
 * each item is its own transaction, and an item is reported created or updated only once it is committed.
 *
 * @param needsReview items stored as drafts that wait for review, their unit not placed
 * @param failed      items not stored for a reason of the server's (conflict, failed): send them again
 */
@RecordBuilder
public record ImportReport(boolean dryRun, int created, int updated, int needsReview, int rejected, int failed, List<ImportOutcome> items) {

    static ImportReport of(boolean dryRun, List<ImportOutcome> items) {
        return ImportReportBuilder.builder().dryRun(dryRun)
                .created(count(items, ImportStatus.CREATED)).updated(count(items, ImportStatus.UPDATED))
                .needsReview(count(items, ImportStatus.NEEDS_REVIEW)).rejected(count(items, ImportStatus.REJECTED))
                .failed(count(items, ImportStatus.CONFLICT) + count(items, ImportStatus.FAILED)).items(items)
                .build();
    }

    private static int count(List<ImportOutcome> items, ImportStatus status) {
        return (int) items.stream().filter(item -> item.status() == status).count();
    }
}
