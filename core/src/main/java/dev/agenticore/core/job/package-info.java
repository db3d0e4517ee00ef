/** Jobs: the record, its lifecycle, the service clients call and the worker that runs jobs. */
package dev.agenticore.core.job;
