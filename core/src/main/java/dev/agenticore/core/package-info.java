/** Agenticore's domain model, ports and services, with no dependency beyond the JDK and SLF4J. */
package dev.agenticore.core;
