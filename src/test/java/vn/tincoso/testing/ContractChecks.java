package vn.tincoso.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Puts the checks every RestAssured request of the suite goes through in place before each test: the OpenAPI
 * contract ({@link ContractFilter}) and, for feed pages, {@link FeedConformanceFilter}. Registered twice, because a
 * {@code @QuarkusTest} runs with the RestAssured of the application's class loader: as a Quarkus test callback
 * (META-INF/services) for those, and as a JUnit extension found by autodetection (the surefire and failsafe configuration in pom.xml) for the
 * others (the *IT tests, against packaged instances).
 */
public class ContractChecks implements BeforeEachCallback, QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        install();
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    private static synchronized void install() {
        for (Filter filter : new Filter[] {ContractFilter.INSTANCE, FeedConformanceFilter.INSTANCE}) {
            if (!RestAssured.filters().contains(filter)) {
                RestAssured.filters(filter);
            }
        }
    }
}
