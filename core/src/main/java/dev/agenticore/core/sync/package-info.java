/** Local copies of companion repositories (hooks, profile bundle, agent packages), kept by git. */
package dev.agenticore.core.sync;
