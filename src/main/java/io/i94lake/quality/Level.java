package io.i94lake.quality;

/** What a failed check does: an error blocks publishing, a warning is only reported. */
public enum Level { ERROR, WARNING }
