/**
 * The Claude Code adapter: {@link dev.agenticore.claude.ClaudeCodeRunner} starts the {@code claude}
 * CLI headless, streams its {@code stream-json} output as agent events and ends its process tree on
 * cancel.
 */
package dev.agenticore.claude;
