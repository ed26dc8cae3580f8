package vn.tincoso.ingest;

import java.util.List;

/** The answer to an import: one outcome per item, in request order, and the totals. */
public record ImportReport(boolean dryRun, int created, int updated, int rejected, List<ImportOutcome> items) {

    static ImportReport of(boolean dryRun, List<ImportOutcome> items) {
        return new ImportReport(dryRun, count(items, "created"), count(items, "updated"), count(items, "rejected"), items);
    }

    private static int count(List<ImportOutcome> items, String status) {
        return (int) items.stream().filter(item -> item.status().equals(status)).count();
    }
}
