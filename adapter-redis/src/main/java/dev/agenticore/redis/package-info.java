/**
 * Redis adapters: job, event, worktree and agent-mode stores, the job queue, locks and the signals
 * between nodes, so that several servers sharing one Redis act as one cluster.
 */
package dev.agenticore.redis;
