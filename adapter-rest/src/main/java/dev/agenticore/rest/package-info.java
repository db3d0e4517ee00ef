/** The REST API on Javalin: routes, authentication, error mapping and server-sent events. */
package dev.agenticore.rest;
