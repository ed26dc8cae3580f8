package vn.tincoso.feeds;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;

import vn.tincoso.articles.ArticleSyndication;

/** Atom 1.0 (RFC 4287). */
@Provider
@Produces(ArticleSyndication.ATOM)
public class AtomBodyWriter extends RomeBodyWriter {

    public AtomBodyWriter() {
        super("atom_1.0", ArticleSyndication.ATOM);
    }
}
