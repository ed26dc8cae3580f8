package vn.tincoso.articles;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.nio.charset.StandardCharsets;

import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.directives.DocumentType;
import vn.tincoso.directives.Issuer;
import vn.tincoso.organisations.Level;

/**
 * What a feed is filtered on, as the client asked for it; every part is optional and all combine.
 *
 * @param org       an organisation slug, covered as {@code scope} says
 * @param bodies    the bodies that held the event (any of them); empty for all
 * @param from      inclusive lower bound on publication time
 * @param to        exclusive upper bound on publication time
 * @param q         full-text query, NFC, already bounded in length
 */
public record ArticleFilter(Set<Level> levels, Set<OrganisingBody> bodies, String org, OrganisationScope scope, DirectiveCode directive,
        DocumentType type, Issuer issuer, Instant from, Instant to, String q) {

    /** A short digest of the filter: a cursor made for one filter is refused for another. */
    public String fingerprint(ArticleSort sort) {
        Set<String> levelCodes = new TreeSet<>();
        levels.forEach(level -> levelCodes.add(level.code()));
        Set<String> bodyCodes = new TreeSet<>();
        bodies.forEach(body -> bodyCodes.add(body.code()));
        String canonical = String.join("\n", sort.code(), levelCodes.toString(), bodyCodes.toString(), String.valueOf(org),
                String.valueOf(scope), String.valueOf(directive), String.valueOf(type), String.valueOf(issuer),
                String.valueOf(from), String.valueOf(to), String.valueOf(q));
        CRC32 crc = new CRC32();
        crc.update(canonical.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
