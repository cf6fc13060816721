package dev.rootline.search;

import java.util.List;

/** One page of search hits, newest first; {@code total} counts every hit, not just this page's. */
public record SearchPage(List<StoredEntry> items, long total, String nextCursor) {}
