/**
 * Agent mode: one named agent that chat clients talk to through OpenAI-style chat completions and
 * the completions API. Conversations map to resumable agent sessions, slash tokens switch what a
 * stream shows, and every agent run shares the node's {@link dev.agenticore.core.agent.AgentCapacity}
 * with jobs.
 */
package dev.agenticore.core.chat;
