package vn.tincoso.web;

import java.util.List;

/** A page of a list as the domain produces it: the items and, when more follow, the cursor past the last. */
public record Page<T>(List<T> items, PageCursor next) {
}
