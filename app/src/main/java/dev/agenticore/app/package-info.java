/** The runnable server: configuration, hand-written wiring of every adapter, and the command line. */
package dev.agenticore.app;
