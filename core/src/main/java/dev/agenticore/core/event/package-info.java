/** Job event logs and the live feed that streams read from. */
package dev.agenticore.core.event;
