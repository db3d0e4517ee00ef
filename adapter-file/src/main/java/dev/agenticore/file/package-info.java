/**
 * File-backed adapters: a job store and an event log under {@code $AGENTICORE_HOME/jobs}, and a
 * profile catalog read from profile directories. They serve one server process. Several processes
 * that share a directory need the Redis adapters instead.
 */
package dev.agenticore.file;
