/** Ports through which the nodes of a cluster reach each other. */
package dev.agenticore.core.cluster;
