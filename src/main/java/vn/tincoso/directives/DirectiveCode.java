package vn.tincoso.directives;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.tincoso.text.VietnameseText;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * A directive's identity, parsed from any of its spellings. Party documents read number-TYPE/ISSUER
 * ("11-ĐA/TU"); State documents read number/year/TYPE-ISSUER ("30/2020/NĐ-CP"), or number/TYPE-ISSUER without the
 * year ("215/NQ-HĐND", "1234/NQ-UBTVQH15", whose issuer carries its term). Portals print them with spaces around
 * the dash, en or em dashes, no dash at all, "số" before the number, in lower case or without diacritics; all of
 * those parse to one canonical code, and so does the code's slug. The National Assembly and its Standing Committee
 * number their laws and resolutions of a year without a type ("202/2025/QH15"): those are of type
 * {@link DocumentType#VAN_BAN}.
 *
 * @param number the number, at least two digits as the documents print it ("09", "11", "123")
 * @param year   the year of a State document, null for a Party document and a State one cited without it
 * @param state  whether it is a State document (number/…/TYPE-ISSUER): it has a year, or a State body issued it
 * @param term   the issuer's term, as in "UBTVQH15" (the 15th National Assembly); null when there is none
 */
@RecordBuilder
public record DirectiveCode(String number, Integer year, DocumentType type, Issuer issuer, boolean state, String term) {

    // Hyphen, the Unicode dashes (en, em, ...) and the minus sign.
    private static final String DASHES = "\\-\u2010-\u2015\u2212";
    private static final String DASH = "[" + DASHES + "]";
    private static final String SLASH_OR_DASH = "[/" + DASHES + "]";
    private static final Pattern PARTY = Pattern.compile(
            "(?:so\\s*)?(\\d{1,4})\\s*(?:" + DASH + "\\s*)?([a-z]{1,6})\\s*" + SLASH_OR_DASH + "\\s*([a-z]{1,8})(\\d{1,2})?");
    private static final Pattern STATE = Pattern.compile(
            "(?:so\\s*)?(\\d{1,4})\\s*" + SLASH_OR_DASH + "\\s*((?:19|20|21)\\d{2})\\s*" + SLASH_OR_DASH
                    + "\\s*([a-z]{1,6})\\s*" + DASH + "\\s*([a-z]{1,8})(\\d{1,2})?");
    private static final Pattern STATE_WITHOUT_TYPE = Pattern.compile(
            "(?:so\\s*)?(\\d{1,4})\\s*" + SLASH_OR_DASH + "\\s*((?:19|20|21)\\d{2})\\s*" + SLASH_OR_DASH + "\\s*(qh|ubtvqh)\\s*(\\d{1,2})");
    private static final Pattern STATE_WITHOUT_YEAR = Pattern.compile(
            "(?:so\\s*)?(\\d{1,5})\\s*/\\s*([a-z]{1,6})\\s*" + DASH + "\\s*([a-z]{1,8})(\\d{1,2})?");

    /** Parses a whole string as one code: "11 - ĐA/TU", "11-da-tu", "số 30/2020/NĐ-CP". Empty when it is not one. */
    public static Optional<DirectiveCode> parse(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        String folded = VietnameseText.fold(VietnameseText.clean(text));
        Matcher state = STATE.matcher(folded);
        if (state.matches()) {
            return of(state.group(1), Integer.valueOf(state.group(2)), state.group(3), state.group(4), true, state.group(5));
        }
        Matcher withoutType = STATE_WITHOUT_TYPE.matcher(folded);
        if (withoutType.matches()) {
            return of(withoutType.group(1), Integer.valueOf(withoutType.group(2)), DocumentType.VAN_BAN.code(), withoutType.group(3), true,
                    withoutType.group(4));
        }
        Matcher stateWithoutYear = STATE_WITHOUT_YEAR.matcher(folded);
        if (stateWithoutYear.matches()) {
            return of(stateWithoutYear.group(1), null, stateWithoutYear.group(2), stateWithoutYear.group(3), true, stateWithoutYear.group(4));
        }
        Matcher party = PARTY.matcher(folded);
        if (party.matches()) {
            return of(party.group(1), null, party.group(2), party.group(3), false, party.group(4));
        }
        return Optional.empty();
    }

    private static Optional<DirectiveCode> of(String digits, Integer year, String type, String issuer, boolean state, String term) {
        String number = canonicalNumber(digits);
        if (number == null) {
            return Optional.empty();
        }
        // Who issued it decides the form, whatever the spelling: "215-NQ/HĐND" is the People's Council's 215/NQ-HĐND,
        // "12/KH-ĐU" the Party committee's 12-KH/ĐU (and a year makes it a State document).
        // A code without a type is only the National Assembly's form: "12/VB-UBND" is no code.
        boolean untyped = DocumentType.VAN_BAN.code().equalsIgnoreCase(type);
        return DocumentType.fromCode(type).flatMap(documentType -> Issuer.fromCode(issuer)
                .filter(issuingBody -> term == null || issuingBody.hasTerms())
                .filter(issuingBody -> !untyped || year != null && term != null && issuingBody.hasTerms())
                .map(issuingBody -> DirectiveCodeBuilder.builder().number(number).year(year).type(documentType)
                        .issuer(issuingBody).state(year != null || issuingBody.isState()).term(term).build()));
    }

    /** Leading zeros dropped, then padded to two digits: "9", "09" and "009" are all "09". Null for zero. */
    public static String canonicalNumber(String digits) {
        String bare = digits.replaceFirst("^0+", "");
        if (bare.isEmpty()) {
            return null;
        }
        return bare.length() == 1 ? "0" + bare : bare;
    }

    /** "11-ĐA/TU", "30/2020/NĐ-CP", "215/NQ-HĐND" or "202/2025/QH15". */
    public String code() {
        if (!state) {
            return number + "-" + type.code() + "/" + issuer.code();
        }
        if (type == DocumentType.VAN_BAN) {
            return number + "/" + year + "/" + issuer.code() + term;
        }
        return number + (year == null ? "" : "/" + year) + "/" + type.code() + "-" + issuer.code() + (term == null ? "" : term);
    }

    /** "11-da-tu" or "30-2020-nd-cp". */
    public String slug() {
        return VietnameseText.slugify(code());
    }

    @Override
    public String toString() {
        return code();
    }
}
