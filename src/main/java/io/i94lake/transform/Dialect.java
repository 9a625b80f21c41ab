package io.i94lake.transform;

/** The SQL an engine runs: the models are written in the subset both understand, plus {@link ModelFunctions}. */
public enum Dialect { SPARK, DUCKDB }
