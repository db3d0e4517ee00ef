/** Execution profiles: their definition, inheritance, catalog and routing. */
package dev.agenticore.core.profile;
