package vn.tincoso.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Compose setup's nginx configuration in front of two instances of the packaged application, checked by
 * deploy/compose/check-proxy.sh (caching by Cache-Control and ETag, variants, bypass, failover).
 */
class ProxyCacheIT {

    @Test
    void nginxCachesByTheApisHeadersAndFailsOver() throws Exception {
        Process check = new ProcessBuilder("bash", "deploy/compose/check-proxy.sh").inheritIO().start();
        assertTrue(check.waitFor(5, TimeUnit.MINUTES), "check-proxy.sh did not finish");
        Assumptions.assumeFalse(check.exitValue() == 3, "no nginx on this machine, and no apt-get to fetch it");
        assertEquals(0, check.exitValue(), "check-proxy.sh failed (its output is above)");
    }
}
