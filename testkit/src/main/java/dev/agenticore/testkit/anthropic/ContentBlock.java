package dev.agenticore.testkit.anthropic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One content block of a scripted assistant message. */
sealed interface ContentBlock permits ContentBlock.Text, ContentBlock.Thinking, ContentBlock.ToolUse {

    /** Number of characters the block carries, used to estimate output tokens. */
    int length();

    /** A {@code text} block. */
    record Text(String text) implements ContentBlock {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public int length() {
            return text.length();
        }
    }

    /** A {@code thinking} block, sent with a placeholder signature because the CLI does not verify it. */
    record Thinking(String thinking) implements ContentBlock {
        public Thinking {
            Objects.requireNonNull(thinking, "thinking");
        }

        @Override
        public int length() {
            return thinking.length();
        }
    }

    /** A {@code tool_use} block. Its {@code toolu_} id is generated each time the block is sent. */
    record ToolUse(String name, Map<String, ?> input) implements ContentBlock {
        public ToolUse {
            Objects.requireNonNull(name, "name");
            input = Collections.unmodifiableMap(new LinkedHashMap<>(input));
        }

        @Override
        public int length() {
            return name.length() + input.toString().length();
        }
    }
}
