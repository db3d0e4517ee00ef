/** Jackson mapping between Agenticore's core types and its snake_case JSON wire format. */
package dev.agenticore.json;
