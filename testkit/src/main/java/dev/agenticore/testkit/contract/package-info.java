/**
 * Abstract JUnit Jupiter suites that every implementation of a core port must pass. A test class
 * extends a suite and supplies a fresh implementation per test, so the in-memory, file and Redis
 * adapters are held to the same behaviour.
 */
package dev.agenticore.testkit.contract;
