/** A loopback fake of the GitHub REST API endpoints that Agenticore calls, for tests. */
package dev.agenticore.testkit.github;
