/** In-memory adapters of the core ports, for embedding and tests. */
package dev.agenticore.core.memory;
