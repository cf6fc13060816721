package dev.rootline.search;

import dev.rootline.app.InvalidQueryException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of search hits ended: the last hit's event time and tie-break, which together are unique, so the next
 * page starts right after it with no gap or repeat. Both stores issue and read the same cursors.
 */
record SearchCursor(long time, long tiebreak) {

    String encode() {
        String plain = time + ":" + tiebreak;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return new SearchCursor(
                    Long.parseLong(plain.substring(0, colon)), Long.parseLong(plain.substring(colon + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidQueryException("cursor is not one this API issued");
        }
    }
}
