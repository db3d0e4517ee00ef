package dev.agenticore.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolBlocksTest {

    @Test
    void callShowsNameAndInput() {
        assertThat(ToolBlocks.call("Bash", "{\"command\":\"ls\"}"))
                .isEqualTo("\n\n**Tool call: Bash**\n```json\n{\"command\":\"ls\"}\n```\n");
    }

    @Test
    void resultMarksErrors() {
        assertThat(ToolBlocks.result("boom\n", true)).isEqualTo("\n**Tool result (error)**\n```\nboom\n```\n");
    }

    @Test
    void fenceOutgrowsBackticksInside() {
        assertThat(ToolBlocks.fence("", "a ```` b")).isEqualTo("`````\na ```` b\n`````");
    }

    @Test
    void longResultIsCut() {
        String shown = ToolBlocks.result("x".repeat(ToolBlocks.MAX_RESULT_CHARS + 10), false);

        assertThat(shown).contains("[10 more characters not shown]");
        assertThat(shown.length()).isLessThan(ToolBlocks.MAX_RESULT_CHARS + 100);
    }
}
