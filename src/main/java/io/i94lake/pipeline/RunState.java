package io.i94lake.pipeline;

/** How a run ended. */
public enum RunState { SUCCEEDED, FAILED }
