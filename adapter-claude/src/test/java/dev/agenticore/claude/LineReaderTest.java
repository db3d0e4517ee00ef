package dev.agenticore.claude;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private static List<LineReader.Line> readAll(byte[] bytes, int maxLineBytes) throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes), maxLineBytes);
        List<LineReader.Line> lines = new ArrayList<>();
        LineReader.Line line;
        while ((line = reader.next()) != null) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void splitsOnNewlinesAndCrlf() throws IOException {
        List<LineReader.Line> lines = readAll("one\ntwo\r\n\nlast".getBytes(StandardCharsets.UTF_8), 100);

        assertThat(lines).extracting(LineReader.Line::text).containsExactly("one", "two", "", "last");
    }

    @Test
    void emptyStreamHasNoLines() throws IOException {
        assertThat(readAll(new byte[0], 100)).isEmpty();
    }

    @Test
    void tooLongLineIsReportedBySize() throws IOException {
        byte[] bytes = ("short\n" + "x".repeat(50) + "\nafter\n").getBytes(StandardCharsets.UTF_8);

        List<LineReader.Line> lines = readAll(bytes, 10);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).text()).isEqualTo("short");
        assertThat(lines.get(1).tooLong()).isTrue();
        assertThat(lines.get(1).length()).isEqualTo(50);
        assertThat(lines.get(2).text()).isEqualTo("after");
    }

    @Test
    void lineAtLimitIsKept() throws IOException {
        assertThat(readAll("0123456789\n".getBytes(StandardCharsets.UTF_8), 10))
                .extracting(LineReader.Line::text)
                .containsExactly("0123456789");
    }

    @Test
    void linesSpanningReadsAreJoined() throws IOException {
        String text = "a".repeat(20_000) + "\nb\n";
        InputStream trickle = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 7));
            }
        };
        LineReader reader = new LineReader(trickle, 100_000);

        assertThat(reader.next().text()).hasSize(20_000);
        assertThat(reader.next().text()).isEqualTo("b");
        assertThat(reader.next()).isNull();
    }

    @Test
    void invalidUtf8IsReplaced() throws IOException {
        byte[] bytes = {'a', (byte) 0xFF, 'b', '\n'};

        assertThat(readAll(bytes, 100)).extracting(LineReader.Line::text).containsExactly("a\uFFFDb");
    }
}
