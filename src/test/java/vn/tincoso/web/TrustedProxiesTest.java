package vn.tincoso.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The trusted proxies we ship are literal addresses Quarkus can compare without DNS. It takes an entry that is not an
 * IPv4 address or a CIDR range (a bare "::1" included) for a host name and resolves it, again whenever its cache
 * entry expires; on a machine whose resolver does not answer, one request in about seventy then waited for the
 * resolver's 5 s timeout before any code ran (found by HostileInputTest taking 110 s).
 */
class TrustedProxiesTest {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:]*)/\\d{1,3}");

    @Test
    void theApplicationsDefaultNamesNoHostToLookUp() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        assertLiteral(properties.getProperty("quarkus.http.proxy.trusted-proxies"));
    }

    @Test
    void composesNamesNoHostToLookUp() throws IOException {
        Matcher value = Pattern.compile("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES:\\s*(\\S+)")
                .matcher(Files.readString(Path.of("deploy/compose/compose.yaml")));
        assertTrue(value.find(), "compose.yaml sets QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
        assertLiteral(value.group(1));
    }

    @Test
    void theCheckTellsABareIpv6AddressFromARange() {
        assertEquals(List.of("::1"), notLiteral("127.0.0.1,::1,fd00::/8"));
        assertEquals(List.of("proxy.example.vn"), notLiteral("10.0.0.0/8,proxy.example.vn"));
    }

    private static void assertLiteral(String proxies) {
        assertEquals(List.of(), notLiteral(proxies), "trusted proxies that Quarkus would look up in DNS: " + proxies);
    }

    private static List<String> notLiteral(String proxies) {
        return List.of(proxies.split(",")).stream().map(String::strip)
                .filter(entry -> !IPV4.matcher(entry).matches() && !CIDR.matcher(entry).matches()).toList();
    }
}
