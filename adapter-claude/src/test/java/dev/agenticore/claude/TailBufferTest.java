package dev.agenticore.claude;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TailBufferTest {
    private static void append(TailBuffer buffer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.append(bytes, 0, bytes.length);
    }

    @Test
    void keepsEverythingBelowCapacity() {
        TailBuffer buffer = new TailBuffer(16);
        append(buffer, "abc");
        append(buffer, "def");

        assertThat(buffer.text()).isEqualTo("abcdef");
    }

    @Test
    void keepsOnlyTheEnd() {
        TailBuffer buffer = new TailBuffer(5);
        append(buffer, "0123456");
        append(buffer, "789");

        assertThat(buffer.text()).isEqualTo("56789");
    }

    @Test
    void dropsCharacterCutAtStart() {
        TailBuffer buffer = new TailBuffer(4);
        append(buffer, "xé€");

        assertThat(buffer.text()).isEqualTo("€");
    }
}
