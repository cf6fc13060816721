package dev.rootline.web;

import dev.rootline.search.SearchPage;

/**
 * The search page: the form as submitted, and the hits, or why the query could not run.
 *
 * @param page  null when the query failed
 * @param error why the query could not run, or null
 */
record SearchView(
        String q,
        String service,
        String revision,
        String severity,
        String from,
        String to,
        SearchPage page,
        String error) {

    SearchView withPage(SearchPage hits) {
        return new SearchView(q, service, revision, severity, from, to, hits, null);
    }

    SearchView withError(String why) {
        return new SearchView(q, service, revision, severity, from, to, null, why);
    }
}
