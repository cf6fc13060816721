package dev.rootline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real messages replayed as a live system would log them again: every number and hex id different each time. */
public final class VariedIds {

    private static final Pattern IDS = Pattern.compile("\\d+|\\b[0-9a-f]{8,}\\b");

    private VariedIds() {}

    public static List<String> replay(List<String> messages, int round) {
        List<String> out = new ArrayList<>(messages.size());
        for (String message : messages) {
            Matcher m = IDS.matcher(message);
            StringBuilder varied = new StringBuilder(message.length() + 8);
            while (m.find()) {
                String id = m.group();
                m.appendReplacement(
                        varied,
                        Character.isDigit(id.charAt(id.length() - 1))
                                        && id.chars().allMatch(Character::isDigit)
                                ? String.valueOf(Long.parseLong(id.substring(0, Math.min(id.length(), 15))) + round)
                                : Integer.toHexString(id.hashCode() * 31 + round)
                                        + id.substring(Math.min(id.length(), 8)));
            }
            m.appendTail(varied);
            out.add(varied.toString());
        }
        return out;
    }
}
