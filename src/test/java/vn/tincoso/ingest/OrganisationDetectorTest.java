package vn.tincoso.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import vn.tincoso.organisations.Level;

/**
 * Who held the event, by the phrase that names it (src/test/resources/ingest/organiser-phrases.csv, one spelling a
 * line), against the whole gazetteer: the organiser's name as the text writes it (or a group's name) and its body (when
 * no unit is named, the first body the text names).
 */
class OrganisationDetectorTest {

    /** The gazetteer as the application loads it, ids by line. */
    static final UnitIndex GAZETTEER = gazetteer();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvFileSource(resources = "/ingest/organiser-phrases.csv", delimiter = '|', commentCharacter = '#')
    void findsWhoHeldTheEvent(String family, String text, String organiser, String body) {
        OrganisationDetector.Detection detection = OrganisationDetector.detect(text, List.of(Span.of(text, 0, text.length())), GAZETTEER);
        Optional<OrganisationDetector.Organiser> found = detection.organiser();
        String name = found.map(who -> who.group().map(OrganisationDetector.Group::name)
                .orElseGet(() -> who.unit().map(unit -> unit.span().text()).orElse("?"))).orElse("-");
        assertEquals(organiser, name, family);
        assertEquals(body, found.map(who -> who.body().code())
                .or(() -> detection.firstBody().map(named -> named.body().code())).orElse("-"), family);
    }

    private static UnitIndex gazetteer() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                OrganisationDetectorTest.class.getResourceAsStream("/gazetteer/units.csv"), StandardCharsets.UTF_8))) {
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rows.add(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ids.put(rows.get(i)[0], i + 1L);
        }
        List<UnitIndex.Known> units = new ArrayList<>();
        for (String[] row : rows) {
            units.add(UnitIndexKnownBuilder.builder()
                    .id(ids.get(row[0])).slug(row[0]).name(row[1]).kind(row[2]).level(Level.fromCode(row[3]).orElseThrow())
                    .parentId(row[4].isEmpty() ? null : ids.get(row[4]))
                    .validFrom(row[6].isEmpty() ? null : LocalDate.parse(row[6]))
                    .validTo(row[7].isEmpty() ? null : LocalDate.parse(row[7]))
                    .build());
        }
        return new UnitIndex(units);
    }
}
