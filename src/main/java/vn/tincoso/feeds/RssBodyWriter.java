package vn.tincoso.feeds;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;

import vn.tincoso.articles.ArticleSyndication;

/** RSS 2.0. */
@Provider
@Produces(ArticleSyndication.RSS)
public class RssBodyWriter extends RomeBodyWriter {

    public RssBodyWriter() {
        super("rss_2.0", ArticleSyndication.RSS);
    }
}
