package dev.rootline.engine.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.signature.RegexSyntax.GroupKind;
import dev.rootline.engine.signature.RegexSyntax.GroupStart;
import org.junit.jupiter.api.Test;

/** The one reading of RE2 syntax the regex scanners share. */
class RegexSyntaxTest {

    @Test
    void eachOpeningIsReadAsTheGroupItStarts() {
        assertThat(RegexSyntax.groupStart("a(b)", 1)).isEqualTo(new GroupStart(GroupKind.CAPTURING, null, "", 2));
        assertThat(RegexSyntax.groupStart("(?:b)", 0)).isEqualTo(new GroupStart(GroupKind.NON_CAPTURING, null, "", 3));
        assertThat(RegexSyntax.groupStart("(?<code>\\d+)", 0))
                .isEqualTo(new GroupStart(GroupKind.NAMED, "code", "", 8));
        assertThat(RegexSyntax.groupStart("(?P<code>\\d+)", 0))
                .isEqualTo(new GroupStart(GroupKind.NAMED, "code", "", 9));
        assertThat(RegexSyntax.groupStart("(?im)x", 0)).isEqualTo(new GroupStart(GroupKind.FLAGS, null, "im", 5));
        assertThat(RegexSyntax.groupStart("(?i-s:x)", 0))
                .isEqualTo(new GroupStart(GroupKind.SCOPED_FLAGS, null, "i-s", 6));
        assertThat(RegexSyntax.groupStart("(?=x)", 0)).as("not RE2").isNull();
    }

    @Test
    void onlyGroupsWhoseBodyIsMatchedAsWrittenArePlain() {
        assertThat(RegexSyntax.groupStart("(?:b)", 0).plain()).isTrue();
        assertThat(RegexSyntax.groupStart("(?i:b)", 0).plain()).isFalse();
    }

    @Test
    void classesAndEscapesHideTheCharactersThatStructureTheRest() {
        assertThat(RegexSyntax.endOfClass("[]a]b", 0))
                .as("a leading ] is a member")
                .isEqualTo(3);
        assertThat(RegexSyntax.endOfClass("[^\\]]b", 0)).isEqualTo(4);
        assertThat(RegexSyntax.splitTopLevel("a(b|c)|[|]|\\|d")).containsExactly("a(b|c)", "[|]", "\\|d");
        assertThat(RegexSyntax.closingParen("(a[)](b))c", 0)).isEqualTo(8);
    }
}
