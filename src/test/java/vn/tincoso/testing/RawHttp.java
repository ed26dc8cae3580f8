package vn.tincoso.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;

/**
 * A request written to the socket byte for byte, as a hostile or careless client sends it: paths an HTTP library
 * would normalise ("//api", "/%61pi", "/q/%2e%2e/api"), declared lengths never sent, malformed headers.
 */
public final class RawHttp {

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

    private RawHttp() {
    }

    /** What came back: the status (-1 for none), the head and the body as text. */
    public record Answer(int status, String head, String body) {

        /** The value of a header (its name in any case), or null. */
        public String header(String name) {
            return head.lines().skip(1).filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }
    }

    /** Sends {@code head} (request line and headers, ending with an empty line) and then {@code body}, to the test app. */
    public static Answer send(String head, byte[] body) {
        return send(RestAssured.port, head, body);
    }

    public static Answer send(int port, String head, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before the whole body is written: its answer is what counts.
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            Matcher status = STATUS_LINE.matcher(answer);
            return new Answer(status.find() ? Integer.parseInt(status.group(1)) : -1,
                    split < 0 ? answer : answer.substring(0, split), split < 0 ? "" : answer.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(head.lines().findFirst().orElse(head), e);
        }
    }

    /** A GET or HEAD of this target exactly as written, with extra header lines, closing the connection after. */
    public static Answer request(String method, String target, String... headers) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost:" + io.restassured.RestAssured.port + "\r\nConnection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return send(head.append("\r\n").toString(), new byte[0]);
    }
}
