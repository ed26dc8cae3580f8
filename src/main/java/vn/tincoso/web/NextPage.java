package vn.tincoso.web;

import java.net.URI;

/** Where the next page of a list starts: the opaque cursor, and the whole URL with it for clients that just follow links. */
public record NextPage(String cursor, URI url) {
}
