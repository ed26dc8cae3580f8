package vn.tincoso.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tincoso.web.InvalidBodyException;

/** Deliveries never go to the machine itself or its networks unless configured: each address judged on its own. */
class WebhookTargetsTest {

    private final WebhookTargets strict = new WebhookTargets(false);

    @ParameterizedTest(name = "{0} public: {1}")
    @CsvSource({
            "127.0.0.1, false", "127.8.9.10, false", "0.0.0.0, false", "10.1.2.3, false", "172.16.0.1, false",
            "172.31.255.255, false", "192.168.1.1, false", "169.254.169.254, false", "100.64.0.1, false",
            "100.127.255.254, false", "224.0.0.1, false", "255.255.255.255, false", "198.18.0.1, false", "192.0.0.8, false",
            "::1, false", "::, false", "fe80::1, false", "fc00::1, false", "fd12:3456::1, false", "ff02::1, false",
            "::ffff:10.0.0.1, false", "::ffff:127.0.0.1, false",
            "8.8.8.8, true", "172.32.0.1, true", "100.128.0.1, true", "203.113.131.1, true", "2001:4860:4860::8888, true",
            "::ffff:8.8.8.8, true"})
    void addresses(String address, boolean expected) throws UnknownHostException {
        assertEquals(expected, WebhookTargets.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook", "http://169.254.169.254/latest",
            "http://10.0.0.5/hook", "http://0x7f000001/hook", "http://2130706433/hook"})
    void refusedWhenTheTargetIsNotPublic(String url) {
        InvalidBodyException refused = assertThrows(InvalidBodyException.class, () -> strict.checked("/url", url));
        assertEquals("/url", refused.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.vn/x", "/hook", "http://user:pw@example.vn/x", "http://example.vn/x#y", "mailto:a@b.vn",
            "http:///nohost", "http://example.vn:0/x", "http://example.vn:65536/x"})
    void refusedWhenNotAnAbsoluteHttpUrl(String url) {
        assertEquals("/url", assertThrows(InvalidBodyException.class, () -> strict.checked("/url", url)).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook"})
    void allowedWhenConfigured(String url) {
        assertNull(new WebhookTargets(true).refusal(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/hook", "https://[2001:4860:4860::8888]/hook"})
    void publicAddressesPass(String url) {
        assertTrue(strict.checked("/url", url).isAbsolute());
    }
}
