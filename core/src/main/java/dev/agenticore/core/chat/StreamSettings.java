package dev.agenticore.core.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a chat stream shows besides the reply text. Stored per agent, so a change made by one
 * request applies to every later request until it is changed again.
 *
 * @param showThinking whether the model's reasoning is streamed
 * @param showTools whether tool calls and their results are streamed
 */
public record StreamSettings(boolean showThinking, boolean showTools) {

    /** The settings of an agent that has stored none: everything shown. */
    public static final StreamSettings DEFAULTS = new StreamSettings(true, true);

    /** Returns the settings as an ordered map of their wire names, for replies and storage. */
    public Map<String, Boolean> toMap() {
        Map<String, Boolean> map = new LinkedHashMap<>();
        map.put("show_thinking", showThinking);
        map.put("show_tools", showTools);
        return map;
    }

    /** Returns a one-line summary for a chat reply, such as {@code thinking: shown, tools: hidden}. */
    public String describe() {
        return "Stream settings: thinking " + (showThinking ? "shown" : "hidden") + ", tools "
                + (showTools ? "shown" : "hidden") + ".";
    }
}
