package dev.agenticore.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.agent.AgentUsage;
import org.junit.jupiter.api.Test;

class OutcomeAssemblerTest {
    private static final AgentUsage USAGE = new AgentUsage(1, 2, 3, 4);

    @Test
    void successCopiesResult() {
        OutcomeAssembler assembler = new OutcomeAssembler();
        assembler.observe(new AgentEvent.SessionStarted("s1", "m"));
        assembler.observe(new AgentEvent.Result("done", false, "", 4, 900L, 0.5, USAGE));

        AgentOutcome outcome = assembler.outcome(0, "warning on stderr", false);

        assertThat(outcome).isEqualTo(new AgentOutcome(0, "done", false, "", "s1", 0.5, 4, 900L, USAGE));
    }

    @Test
    void resultSessionReplacesInitSession() {
        OutcomeAssembler assembler = new OutcomeAssembler();
        assembler.observe(new AgentEvent.SessionStarted("s1", "m"));
        assembler.observe(new AgentEvent.Result("done", false, "s2", null, null, null, AgentUsage.NONE));

        assertThat(assembler.outcome(0, "", false).sessionId()).isEqualTo("s2");
    }

    @Test
    void errorResultTextIsErrorText() {
        OutcomeAssembler assembler = new OutcomeAssembler();
        assembler.observe(new AgentEvent.Result("Credit balance is too low", true, "s", 1, 10L, 0.0, USAGE));

        AgentOutcome outcome = assembler.outcome(1, "stderr text", false);

        assertThat(outcome.isError()).isTrue();
        assertThat(outcome.errorText()).isEqualTo("Credit balance is too low");
    }

    @Test
    void nonZeroExitAfterSuccessUsesStderr() {
        OutcomeAssembler assembler = new OutcomeAssembler();
        assembler.observe(new AgentEvent.Result("done", false, "s", 1, 10L, 0.0, USAGE));

        AgentOutcome outcome = assembler.outcome(2, "\n  crashed on exit \n", false);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.isError()).isFalse();
        assertThat(outcome.errorText()).isEqualTo("crashed on exit");
    }

    @Test
    void noResultNoStderrNamesExitCode() {
        AgentOutcome outcome = new OutcomeAssembler().outcome(9, " ", false);

        assertThat(outcome.isError()).isTrue();
        assertThat(outcome.errorText()).isEqualTo("Claude Code exited with code 9 without reporting a result");
        assertThat(outcome.usage()).isEqualTo(AgentUsage.NONE);
    }

    @Test
    void cancelledRunSaysStopped() {
        AgentOutcome outcome = new OutcomeAssembler().outcome(143, "", true);

        assertThat(outcome.errorText()).isEqualTo("Claude Code was stopped before it finished (exit code 143)");
    }
}
