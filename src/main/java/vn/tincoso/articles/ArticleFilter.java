package vn.tincoso.articles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

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

    /** 128 bits of the digest: collisions by chance are out of reach, and cursors stay short. */
    private static final int FINGERPRINT_BYTES = 16;

    public ArticleFilter {
        levels = ordered(levels, Level.class);
        bodies = ordered(bodies, OrganisingBody.class);
        scope = scope == null ? OrganisationScope.SUBTREE : scope;
    }

    /**
     * A digest of the sort and every part of the filter, by name: a cursor, a sync token or a feed id made for one
     * filter is refused for (or differs from) every other. Each part is written as its name, whether it is set, and
     * its length before its text, so no value can pass for another ("q=null" is not "no q"); SHA-256, so no filter
     * can be crafted to share another's digest. Sets print in their constants' order: equal on every instance.
     */
    public String fingerprint(ArticleSort sort) {
        StringBuilder canonical = new StringBuilder("sort=").append(sort.code());
        ArticleFilterBuilder.stream(this).forEach(part -> {
            canonical.append('\n').append(part.getKey());
            if (part.getValue() == null) {
                canonical.append('-');
            } else {
                String value = part.getValue().toString();
                canonical.append('=').append(value.length()).append(':').append(value);
            }
        });
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, FINGERPRINT_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static <E extends Enum<E>> Set<E> ordered(Set<E> given, Class<E> type) {
        return Collections.unmodifiableSet(given == null || given.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(given));
    }
}
