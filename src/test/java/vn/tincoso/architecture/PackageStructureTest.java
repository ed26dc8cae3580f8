package vn.tincoso.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rooms of vn.tincoso depend on each other one way only, so a change in one never needs a change in a room
 * it depends on: text and config at the bottom, then web (HTTP: problems, caching, cursors), database, auth
 * (tokens and roles), organisations and directives, articles, feeds, ingest, demo.
 */
@AnalyzeClasses(packages = "vn.tincoso", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

    @ArchTest
    static final ArchRule noCycleBetweenPackages = slices().matching("vn.tincoso.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule webKnowsNoDomain = noClasses().that().resideInAPackage("vn.tincoso.web..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.tincoso.articles..", "vn.tincoso.organisations..",
                    "vn.tincoso.directives..", "vn.tincoso.feeds..", "vn.tincoso.ingest..", "vn.tincoso.auth..",
                    "vn.tincoso.demo..", "vn.tincoso.database..");

    @ArchTest
    static final ArchRule authKnowsNoDomain = noClasses().that().resideInAPackage("vn.tincoso.auth..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.tincoso.articles..", "vn.tincoso.organisations..",
                    "vn.tincoso.directives..", "vn.tincoso.feeds..", "vn.tincoso.ingest..", "vn.tincoso.demo..");
}
