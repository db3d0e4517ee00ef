package dev.agenticore.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class StdioIT {
    @Test
    void typescriptClientCallsEveryTool() throws Exception {
        NodeClients.assumeSdkInstalled();
        List<String> command = NodeClients.stdioServerCommand();

        JsonNode output = NodeClients.runSdkClient(Map.of(
                "transport",
                "stdio",
                "command",
                command.get(0),
                "args",
                command.subList(1, command.size()),
                "scenario",
                "all"));

        ToolScenario.assertConnected(output);
        ToolScenario.assertToolList(output.path("tools"));
        ToolScenario.assertEveryCall(output.path("calls"));
    }
}
