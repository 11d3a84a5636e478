package org.joinedup.fhir.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written checks of the commonest primitives agree with the specification's regular expressions. */
class PrimitiveTest {

    static final Map<Primitive, String> SPECIFICATION = Map.of(
            Primitive.STRING, "[ \\r\\n\\t\\S]+",
            Primitive.URI, "\\S*",
            Primitive.CODE, "[^\\s]+(\\s[^\\s]+)*",
            Primitive.ID, "[A-Za-z0-9\\-\\.]{1,64}",
            Primitive.MARKDOWN, "\\s*(\\S|\\s)*",
            Primitive.BASE64_BINARY, "(\\s*([0-9a-zA-Z+/=]){4}\\s*)+");

    static final List<String> SAMPLES = List.of("", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\nb", "a\013b", "a\fb",
            "Zoë", "http://x.org/a b", "http://x.org/ab", "A-1.b", "a_b", "x".repeat(64), "x".repeat(65), "\u00a0", "中文",
            "QUJD", "QUJDRA==", " QUJD ", "QUJD\nRA==", "QU JD", "QUJ", "QUJDR", "QUJD!", "QUJD\r\n\tRA==  ", "+/==");

    @Test
    void handWrittenChecksMatchTheSpecificationPatterns() {
        SPECIFICATION.forEach((primitive, regex) -> {
            Pattern pattern = Pattern.compile(regex);
            for (String sample : SAMPLES) {
                boolean expected = pattern.matcher(sample).matches() && !(primitive == Primitive.MARKDOWN && sample.isEmpty());
                assertThat(primitive.accepts(sample)).as(primitive + " '" + sample + "'").isEqualTo(expected);
            }
        });
    }

    @Test
    void aPhotoSizedBase64ValueIsCheckedWithoutExhaustingTheStack() {
        String photo = java.util.Base64.getMimeEncoder().encodeToString(new byte[3 * 1024 * 1024]); // lines of 76, as mail and some feeds send

        assertThat(Primitive.BASE64_BINARY.accepts(photo)).isTrue();
        assertThat(Primitive.BASE64_BINARY.accepts(photo + "A")).isFalse();
    }

    @Test
    void integersMustFitThirtyTwoBits() {
        assertThat(Primitive.INTEGER.accepts("2147483647")).isTrue();
        assertThat(Primitive.INTEGER.accepts("2147483648")).isFalse();
        assertThat(Primitive.POSITIVE_INT.accepts("0")).isFalse();
        assertThat(Primitive.UNSIGNED_INT.accepts("0")).isTrue();
    }
}
