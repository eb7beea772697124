/**
 * Deterministic data sets at town and county scale for benchmarks and demos (issue 8). A tool,
 * not a feature: it writes every module's tables directly with PostgreSQL COPY, so it knows their
 * schemas and nothing of their code. Run with the {@code datagen} profile (see README).
 */
package org.gridwork.datagen;
