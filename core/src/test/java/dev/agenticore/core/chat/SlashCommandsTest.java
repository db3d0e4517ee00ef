package dev.agenticore.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlashCommandsTest {

    @Test
    void tokensAreRemovedAndSpacesCollapsed() {
        SlashCommands.Parsed parsed = SlashCommands.parse("please /hide-tools  explain /show-thinking this");

        assertThat(parsed.text()).isEqualTo("please explain this");
        assertThat(parsed.tokens()).containsExactly("/hide-tools", "/show-thinking");
        assertThat(parsed.onlyTokens()).isFalse();
    }

    @Test
    void unknownSlashWordsAndPathsStay() {
        SlashCommands.Parsed parsed = SlashCommands.parse("read /etc/hosts and /unknown-thing");

        assertThat(parsed.text()).isEqualTo("read /etc/hosts and /unknown-thing");
        assertThat(parsed.tokens()).isEmpty();
    }

    @Test
    void tokenInsideWordIsNotAToken() {
        SlashCommands.Parsed parsed = SlashCommands.parse("a/hide-tools b /hide-tools-now");

        assertThat(parsed.tokens()).isEmpty();
        assertThat(parsed.text()).isEqualTo("a/hide-tools b /hide-tools-now");
    }

    @Test
    void onlyTokensIsDetected() {
        SlashCommands.Parsed parsed = SlashCommands.parse("  /hide-all\n/stream-status ");

        assertThat(parsed.onlyTokens()).isTrue();
        assertThat(parsed.text()).isEmpty();
    }

    @Test
    void newlinesAroundTextAreKept() {
        SlashCommands.Parsed parsed = SlashCommands.parse("first line\n/hide-tools\nsecond line");

        assertThat(parsed.text()).isEqualTo("first line\n\nsecond line");
    }

    @Test
    void tokensApplyLeftToRight() {
        StreamSettings hidden = SlashCommands.apply(StreamSettings.DEFAULTS, List.of("/hide-all", "/show-tools"));
        StreamSettings shown = SlashCommands.apply(hidden, List.of("/show-all"));
        StreamSettings status = SlashCommands.apply(hidden, List.of("/stream-status"));

        assertThat(hidden).isEqualTo(new StreamSettings(false, true));
        assertThat(shown).isEqualTo(new StreamSettings(true, true));
        assertThat(status).isEqualTo(hidden);
    }

    @Test
    void eachTokenSetsItsSetting() {
        assertThat(SlashCommands.apply(StreamSettings.DEFAULTS, List.of("/hide-thinking")))
                .isEqualTo(new StreamSettings(false, true));
        assertThat(SlashCommands.apply(StreamSettings.DEFAULTS, List.of("/hide-tools")))
                .isEqualTo(new StreamSettings(true, false));
        assertThat(SlashCommands.apply(new StreamSettings(false, false), List.of("/show-thinking")))
                .isEqualTo(new StreamSettings(true, false));
    }
}
