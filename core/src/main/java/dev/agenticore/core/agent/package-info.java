/** The agent port: starting an agent, its events and how it ended. */
package dev.agenticore.core.agent;
