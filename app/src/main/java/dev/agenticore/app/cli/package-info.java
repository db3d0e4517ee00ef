/**
 * The command-line client: commands that call a running Agenticore server over its REST API and
 * print tables, details or the server's JSON.
 */
package dev.agenticore.app.cli;
