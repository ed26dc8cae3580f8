package vn.tincoso.articles;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.CRC32;

import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.directives.DocumentType;
import vn.tincoso.directives.Issuer;
import vn.tincoso.organisations.Level;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * What a feed is filtered on, as the client asked for it; every part is optional and all combine.
 *
 * @param org       an organisation slug, covered as {@code scope} says
 * @param bodies    the bodies that held the event (any of them); empty for all
 * @param from      inclusive lower bound on publication time
 * @param to        exclusive upper bound on publication time
 * @param q         full-text query, NFC, already bounded in length
 */
@RecordBuilder
public record ArticleFilter(Set<Level> levels, Set<OrganisingBody> bodies, String org, OrganisationScope scope, DirectiveCode directive,
        DocumentType type, Issuer issuer, Instant from, Instant to, String q) {

    public ArticleFilter {
        levels = ordered(levels, Level.class);
        bodies = ordered(bodies, OrganisingBody.class);
        scope = scope == null ? OrganisationScope.SUBTREE : scope;
    }

    /**
     * A short digest of the sort and every part of the filter: a cursor made for one filter is refused for another.
     * Sets print in their constants' order, so equal filters have equal digests in every instance.
     */
    public String fingerprint(ArticleSort sort) {
        StringBuilder canonical = new StringBuilder(sort.code());
        ArticleFilterBuilder.stream(this).forEach(part -> canonical.append('\n').append(part.getValue()));
        CRC32 crc = new CRC32();
        crc.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    private static <E extends Enum<E>> Set<E> ordered(Set<E> given, Class<E> type) {
        return Collections.unmodifiableSet(given == null || given.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(given));
    }
}
