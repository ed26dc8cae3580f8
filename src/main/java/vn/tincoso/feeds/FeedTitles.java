package vn.tincoso.feeds;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import vn.tincoso.articles.ArticleFilter;
import vn.tincoso.config.VietnamTime;
import vn.tincoso.organisations.Level;

/** Says in Vietnamese what a feed is filtered on: "Tin về Đề án 11-ĐA/TU — Quận Hai Bà Trưng". */
final class FeedTitles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private FeedTitles() {
    }

    /** @param organisationName the name of the filter's organisation, null without one */
    static String of(ArticleFilter filter, String organisationName) {
        StringBuilder title = new StringBuilder("Tin");
        if (filter.directive() != null) {
            title.append(" về ").append(filter.directive().type().label()).append(' ').append(filter.directive().code());
        } else if (filter.type() != null || filter.issuer() != null) {
            title.append(" về ").append(filter.type() != null ? filter.type().label() : "văn bản");
            if (filter.issuer() != null) {
                title.append(" của ").append(filter.issuer().label());
            }
        } else {
            title.append(" cơ sở");
        }
        if (filter.q() != null) {
            title.append(" có “").append(filter.q()).append('”');
        }
        List<String> scope = new ArrayList<>();
        if (organisationName != null) {
            scope.add(switch (filter.scope()) {
                case EXACT -> organisationName + " (riêng đơn vị)";
                case LINEAGE -> organisationName + " (cả các đơn vị đã sáp nhập)";
                case SUBTREE -> organisationName;
            });
        }
        if (!filter.levels().isEmpty()) {
            scope.add("cấp " + filter.levels().stream().map(Level::label).collect(Collectors.joining("; ")));
        }
        if (!scope.isEmpty()) {
            title.append(" — ").append(String.join(", ", scope));
        }
        if (filter.from() != null || filter.to() != null) {
            title.append(" (");
            if (filter.from() != null) {
                title.append("từ ").append(day(filter.from().atZone(VietnamTime.ZONE).toLocalDate()));
            }
            if (filter.to() != null) {
                title.append(filter.from() != null ? " " : "").append("đến trước ")
                        .append(day(filter.to().atZone(VietnamTime.ZONE).toLocalDate()));
            }
            title.append(')');
        }
        return title.toString();
    }

    private static String day(LocalDate date) {
        return date.format(DAY);
    }
}
