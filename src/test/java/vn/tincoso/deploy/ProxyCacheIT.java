package vn.tincoso.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import vn.tincoso.testing.AppProcess;
import vn.tincoso.testing.FreshDatabase;

/**
 * The Compose setup's nginx configuration in front of two instances of the packaged application, checked by
 * deploy/compose/check-proxy.sh (caching by Cache-Control and ETag, variants, bypass, failover), on a database of
 * this run's own.
 */
class ProxyCacheIT {

    @Test
    void nginxCachesByTheApisHeadersAndFailsOver() throws Exception {
        FreshDatabase database = new FreshDatabase();
        ProcessBuilder builder = new ProcessBuilder("bash", "deploy/compose/check-proxy.sh").inheritIO();
        builder.environment().putAll(AppProcess.database(database.start()));
        Process check = builder.start();
        try {
            assertTrue(check.waitFor(5, TimeUnit.MINUTES), "check-proxy.sh did not finish");
        } finally {
            check.destroy();
            database.stop();
        }
        Assumptions.assumeFalse(check.exitValue() == 3, "no nginx on this machine, and no apt-get to fetch it");
        assertEquals(0, check.exitValue(), "check-proxy.sh failed (its output is above)");
    }
}
