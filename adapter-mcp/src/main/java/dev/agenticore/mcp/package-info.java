/**
 * The MCP server: Agenticore's job, profile and worktree tools over Streamable HTTP, the legacy
 * HTTP+SSE transport and stdio, built on the MCP Java SDK.
 */
package dev.agenticore.mcp;
