package vn.tincoso.webhooks;

import java.net.URI;
import java.util.Map;

/** A POST to a subscriber: where, its headers (names in lower case, in order) and its body. */
record OutgoingPost(URI target, Map<String, String> headers, byte[] body) {
}
