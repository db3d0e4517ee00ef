/** The workspace port: a job's working directory and what happens to its work afterwards. */
package dev.agenticore.core.workspace;
