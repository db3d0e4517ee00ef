/** Benchmarks of the assembled server, each measured against a baseline in the same run. */
package dev.agenticore.bench;
