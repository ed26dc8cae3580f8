package vn.tincoso.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that takes seconds of its own: the 200,000-row plan test, the national gazetteer loaded per test,
 * concurrent writers, an outage, a profile that restarts the application, a large corpus. {@code ./mvnw test
 * -DexcludedGroups=slow} leaves them out (about 2 minutes instead of 7); {@code deploy/local/fast-tests.sh} runs only
 * the tests that need no application (under 30 s). CI and the README's test command run them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
